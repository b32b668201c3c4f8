using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Tests.Domain;

public class ReadinessAndEvidenceTests
{
    [Theory]
    [InlineData("100", "green")]
    [InlineData("81", "green")]
    [InlineData("80.99", "yellow")]
    [InlineData("51", "yellow")]
    [InlineData("50.99", "red")]
    [InlineData("0", "red")]
    public void Zones_follow_the_configurable_cut_offs(string score, string zone) =>
        Assert.Equal(zone, OmbudsmanRules.Zone(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), new OmbudsmanOptions()));

    [Fact]
    public void Missing_components_count_as_not_met_and_are_listed()
    {
        // checklist 0.5 (w 0.4) and complaint SLA 1.0 (w 0.3), no sidak and no IPP: 100 × (0.2 + 0.3) / 1.0 = 50 → red
        var r = OmbudsmanRules.Predict(0.5m, 1.0m, null, null, new OmbudsmanOptions());
        Assert.Equal(50m, r.PredictedScore);
        Assert.Equal("red", r.Zone);
        Assert.Equal(2, r.Missing.Count);
        Assert.Contains(r.Missing, m => m.Contains("sidak", StringComparison.Ordinal));
        Assert.Equal("unknown", OmbudsmanRules.Predict(null, null, null, null, new OmbudsmanOptions()).Zone);
        Assert.Equal("red", OmbudsmanRules.Predict(0.2m, 0.5m, 0.6m, 2.0m, new OmbudsmanOptions()).Zone); // 100 × (0.08+0.15+0.12+0.04) = 39
    }

    [Fact]
    public void A_unit_that_never_filled_its_checklist_scores_no_better_than_one_that_met_none_of_it()
    {
        var options = new OmbudsmanOptions();
        var never = OmbudsmanRules.Predict(null, 0.95m, 0.9m, 4.2m, options);
        var honest = OmbudsmanRules.Predict(0m, 0.95m, 0.9m, 4.2m, options);
        Assert.Equal(honest.PredictedScore, never.PredictedScore);
        Assert.Equal(honest.Zone, never.Zone);
        Assert.NotEqual("green", never.Zone);
        Assert.Contains(never.Missing, m => m.StartsWith("Daftar periksa", StringComparison.Ordinal));
        Assert.Empty(honest.Missing);
    }

    [Fact]
    public void Complaint_statistics_and_the_suggested_band()
    {
        var facts = Enumerable.Range(0, 10).Select(i => new ComplaintFact
        {
            ComplaintId = Guid.NewGuid(),
            AnsweredWithinSla = i < 9,
            WorkingDaysTaken = i + 1,
        }).ToList();
        var stats = PlatformEvidenceRules.Complaints(facts, [], 2);
        Assert.Equal(0.9m, stats.WithinSlaShare);
        Assert.Equal(5.5m, stats.MedianWorkingDays);
        var band = PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.Complaints, stats, PlatformEvidenceRules.Sidak([], []), new EvidenceOptions());
        Assert.Equal((4, 5), (band!.Min, band.Max));

        // with ratings averaging 3 (satisfaction 0.5): 0.7 × 0.9 + 0.3 × 0.5 = 0.78 → 3–4
        var rated = PlatformEvidenceRules.Complaints(facts, [3, 3], 0);
        Assert.Equal(0.78m, PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.Complaints, rated, PlatformEvidenceRules.Sidak([], []), new EvidenceOptions())!.Share);

        // fewer than five resolved complaints: no suggestion
        Assert.Null(PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.Complaints, PlatformEvidenceRules.Complaints(facts.Take(4).ToList(), [], 0),
            PlatformEvidenceRules.Sidak([], []), new EvidenceOptions()));
    }

    [Fact]
    public void Sidak_attendance_and_compliance_bands()
    {
        static SidakVisitFact Visit(decimal compliance, int recorded, int absentWithoutReason) =>
            new(Guid.NewGuid(), Guid.Empty, 0, default, compliance, 0, 0, 0, recorded, absentWithoutReason);
        var visits = new List<SidakVisitFact> { Visit(0.6m, 10, 1), Visit(0.4m, 10, 3) };
        var sidak = PlatformEvidenceRules.Sidak(visits, []);
        Assert.Equal(0.5m, sidak.AverageCompliance);
        Assert.Equal(0.8m, sidak.AttendanceShare);
        var none = PlatformEvidenceRules.Complaints([], [], 0);
        Assert.Equal((3, 4), (PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.SidakStaff, none, sidak, new EvidenceOptions())!.Min,
            PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.SidakStaff, none, sidak, new EvidenceOptions())!.Max));
        Assert.Equal(2, PlatformEvidenceRules.Suggest(PlatformEvidenceKinds.SidakFacilities, none, sidak, new EvidenceOptions())!.Min);
    }
}
