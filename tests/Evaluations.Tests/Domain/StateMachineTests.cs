using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Tests.Domain;

public class StateMachineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Instrument V1 = PekpppInstrumentV1.Create(At);

    private static Evaluation NewEvaluation(bool mandiri = false) => Evaluation.Start(Guid.NewGuid(),
        new Cycle { Id = Guid.NewGuid(), Year = 2026, InstrumentId = V1.Id, Mandiri = mandiri }, V1, Guid.NewGuid(), "31.71.05.1002", "Kwitang",
        [new TeamMember("lead", "Lead", TeamRoles.Lead), new TeamMember("m1", "Member", TeamRoles.Member), new TeamMember("v1", "Verifier", TeamRoles.Verifier)],
        At);

    private static void AnswerAll(Evaluation e, int score = 4)
    {
        foreach (var i in V1.Indicators)
        {
            e.AnswerF01(i.Code, score, null, [], [], At);
        }
    }

    private static void ScoreAll(Evaluation e, int score = 4)
    {
        foreach (var i in V1.Indicators)
        {
            e.ScoreF02(i.Code, score, "ok", null, "m1", null, At);
        }
    }

    [Fact]
    public void F01_needs_every_indicator_and_locks_after_submission_until_returned()
    {
        var e = NewEvaluation();
        e.AnswerF01("K1", 3, null, [], [], At);
        Assert.Throws<DomainException>(() => e.SubmitF01(V1, At));
        AnswerAll(e);
        Assert.False(e.SubmitF01(V1, At));
        Assert.Equal(EvaluationStatus.Submitted, e.Status);
        Assert.Throws<DomainException>(() => e.AnswerF01("K1", 5, null, [], [], At));

        e.ReturnF01("K1 evidence missing", At);
        Assert.Equal(EvaluationStatus.Returned, e.Status);
        e.AnswerF01("K1", 5, null, [], [], At);
        Assert.True(e.SubmitF01(V1, At));
        Assert.Equal(2, e.Submissions);
        var raised = ((IRaiseIntegrationEvents)e).IntegrationEvents.OfType<EvaluationSubmitted>().ToList();
        Assert.Equal([false, true], raised.Select(x => x.Resubmission));
        Assert.All(raised, x => Assert.Equal(e.Id, x.EvaluationId));
    }

    [Fact]
    public void F02_only_after_submission_and_verification_only_after_F02()
    {
        var e = NewEvaluation();
        Assert.Throws<DomainException>(() => e.ScoreF02("K1", 3, null, null, "m1", null, At));
        AnswerAll(e);
        e.SubmitF01(V1, At);
        Assert.Throws<DomainException>(() => e.Verify("K1", 5, "why", "v1", At));
        e.ScoreF02("K1", 3, null, null, "m1", null, At);
        Assert.Throws<DomainException>(() => e.CompleteF02(At)); // the rest is unscored
        ScoreAll(e);
        e.CompleteF02(At);
        Assert.Throws<DomainException>(() => e.ScoreF02("K1", 3, null, null, "m1", null, At));
        Assert.Throws<DomainException>(() => e.ReturnF01("late", At));
        e.Verify("K1", 5, "evidence of monitoring found", "v1", At);
        var k1 = e.Score("K1");
        Assert.Equal((4, 4, 5, 5), (k1.SelfScore!.Value, k1.EvaluatorScore!.Value, k1.VerifierScore!.Value, k1.FinalScore!.Value));
    }

    [Fact]
    public void Berita_acara_is_final_after_every_signature_and_immutable_once_signed()
    {
        var e = NewEvaluation();
        AnswerAll(e);
        e.SubmitF01(V1, At);
        ScoreAll(e);
        e.CompleteF02(At);
        var doc = new BeritaAcaraDocument("BA/1", e.Id, e.UnitId, e.UnitCode, e.UnitName, 2026, false, "PEKPPP v1", At, 4m, "B", "Baik", 4m, null, 0,
            false, 0m, [], [], e.Team);
        e.IssueBeritaAcara(doc, "hash1", At);
        e.IssueBeritaAcara(doc, "hash2", At); // regenerating before the first signature is allowed
        Assert.Throws<DomainException>(() => e.Sign(TeamRoles.Lead, "lead", "Lead", "hash1", At)); // not the current document
        // In order: the members, then the lead, then the head of unit.
        Assert.Throws<DomainException>(() => e.Sign(TeamRoles.Lead, "lead", "Lead", "hash2", At)); // before the member
        Assert.Throws<DomainException>(() => e.Sign(SignatureRoles.HeadOfUnit, "lurah", "Lurah", "hash2", At));
        Assert.True(e.AwaitsSignature(TeamRoles.Member, "m1"));
        Assert.False(e.AwaitsSignature(TeamRoles.Lead, "lead"));
        Assert.False(e.Sign(TeamRoles.Member, "m1", "Member", "hash2", At));
        Assert.False(e.AwaitsSignature(TeamRoles.Member, "m1"));
        Assert.True(e.AwaitsSignature(TeamRoles.Lead, "lead"));
        Assert.False(e.AwaitsSignature(SignatureRoles.HeadOfUnit, "lurah"));
        Assert.False(e.Sign(TeamRoles.Lead, "lead", "Lead", "hash2", At));
        Assert.Throws<DomainException>(() => e.IssueBeritaAcara(doc, "hash3", At));
        Assert.Throws<DomainException>(() => e.Sign(TeamRoles.Member, "lead", "Lead", "hash2", At)); // the lead is not a member
        Assert.Throws<DomainException>(() => e.Sign(TeamRoles.Lead, "lead", "Lead", "hash2", At)); // twice
        Assert.True(e.AwaitsSignature(SignatureRoles.HeadOfUnit, "lurah"));
        Assert.True(e.Sign(SignatureRoles.HeadOfUnit, "lurah", "Lurah", "hash2", At));
        e.Finalize(new IndexResult(4m, new CategoryResult("B", "Baik"), 4m, [], true, 0, null, 0, false, 0m, "", 4m), V1, At);
        Assert.Equal(EvaluationStatus.Finalized, e.Status);
        var finalized = Assert.Single(((IRaiseIntegrationEvents)e).IntegrationEvents.OfType<EvaluationFinalized>());
        Assert.Equal(("B", "hash2"), (finalized.Category, finalized.BeritaAcaraSha256));
        Assert.Throws<DomainException>(() => e.Sign(SignatureRoles.HeadOfUnit, "x", "x", "hash2", At));
    }

    [Theory]
    [InlineData(EvaluationStatus.SelfAssessment, EvaluationStatus.Submitted, true)]
    [InlineData(EvaluationStatus.SelfAssessment, EvaluationStatus.Verification, false)]
    [InlineData(EvaluationStatus.Submitted, EvaluationStatus.Returned, true)]
    [InlineData(EvaluationStatus.Returned, EvaluationStatus.Submitted, true)]
    [InlineData(EvaluationStatus.Verification, EvaluationStatus.Submitted, false)]
    [InlineData(EvaluationStatus.Signing, EvaluationStatus.Finalized, true)]
    [InlineData(EvaluationStatus.Finalized, EvaluationStatus.Signing, false)]
    public void Transitions(EvaluationStatus from, EvaluationStatus to, bool allowed) => Assert.Equal(allowed, EvaluationStatuses.CanMove(from, to));

    [Fact]
    public void A_recommendation_is_tracked_to_done_and_flagged_overdue_once()
    {
        var r = new Recommendation { Id = Guid.NewGuid(), DueOn = new DateOnly(2026, 3, 10), Text = "Publish the service standard" };
        Assert.False(r.IsOverdue(new DateOnly(2026, 3, 10)));
        Assert.True(r.IsOverdue(new DateOnly(2026, 3, 11)));
        Assert.True(r.MarkOverdueNotified(new DateOnly(2026, 3, 11), At));
        Assert.False(r.MarkOverdueNotified(new DateOnly(2026, 3, 12), At));
        Assert.Single(((IRaiseIntegrationEvents)r).IntegrationEvents.OfType<RecommendationOverdue>());
        r.Start("drafting");
        Assert.Throws<DomainException>(() => r.Start(null));
        r.Complete("Standard published on the notice board", [], At);
        Assert.False(r.IsOverdue(new DateOnly(2026, 4, 1)));
        Assert.Throws<DomainException>(() => r.Complete("again", [], At));
    }
}
