using Tinjau.Inspections.Api.Apis;

namespace Tinjau.Inspections.Tests;

/// <summary>The shape a request record declares (data annotations), as <see cref="FieldErrors.Check"/> reads it.</summary>
public class RequestShapeTests
{
    private static SubmissionRequest Submission(List<AnswerPart>? answers = null, List<AttendancePart>? attendance = null,
        List<FindingPart>? findings = null, string? summary = null) =>
        new(null, null, null, new ChecklistPart(null, null, answers ?? []), attendance, findings, null, summary);

    [Fact]
    public void A_valid_shape_adds_nothing()
    {
        var errors = new FieldErrors().Check(Submission([new AnswerPart("a", "ya", "catatan")], summary: "ringkas"));

        Assert.False(errors.Any);
    }

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_json_path_of_nested_items()
    {
        var errors = new FieldErrors().Check(Submission(
            answers: [new AnswerPart("a", "ya", null), new AnswerPart("b", "ya", new string('x', 2001))],
            attendance: [new AttendancePart(null, "Budi", new string('9', 41), null, "hadir", null)],
            findings: [null!, new FindingPart(null, "minor", "  ", null, null, null, null, null)],
            summary: new string('s', 4001)));

        Assert.Equal(["attendance[0].staffNumber", "checklist.answers[1].note", "findings[1].category", "findings[1].description", "summary"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_hostile_request_gets_at_most_a_hundred_fields()
    {
        var findings = Enumerable.Range(0, 5000).Select(_ => new FindingPart(null, null, null, null, null, null, null, null)).ToList();

        var errors = new FieldErrors().Check(Submission(findings: findings));

        Assert.InRange(errors.ToDictionary().Count, 100, 101);
    }
}
