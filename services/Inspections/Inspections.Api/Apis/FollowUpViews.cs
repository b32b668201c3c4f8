using System.ComponentModel.DataAnnotations;

namespace Tinjau.Inspections.Api.Apis;

public sealed record ClarificationRequestBody(Guid? Id, [property: Required, StringLength(4000)] string? Question);

public sealed record AnswerBody([property: Required, StringLength(8000)] string? Answer);

public sealed record ReviewBody(string? Note);

/// <summary>Escalation: the officer (default: the one the finding names), the direct superior, and optionally a level.</summary>
public sealed record EscalateBody(Guid? SanctionId, [property: StringLength(4000)] string? Note, Guid? OfficerId, [property: Required, StringLength(200)] string? SuperiorName,
    [property: StringLength(200)] string? SuperiorPosition, string? Level);

public sealed record DecisionBody(string? Decision, string? Level, [property: Required, StringLength(200)] string? DecidedBy, [property: StringLength(4000)] string? Note);

public sealed record ClarificationView(Guid Id, Guid FindingId, Guid VisitId, Guid UnitId, string Question, DateTimeOffset RequestedAt,
    DateTimeOffset DueAt, string Status, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, bool AnsweredLate, string? ReviewNote,
    DateTimeOffset? ReviewedAt, Guid? SanctionId)
{
    public static ClarificationView From(ClarificationRequest c, DateTimeOffset now, Guid? sanctionId) => new(c.Id, c.FindingId, c.VisitId,
        c.UnitId, c.Question, c.RequestedAt, c.DueAt, Kebab.Of(c.Status), c.IsOverdue(now), c.Answer, c.AnsweredAt, c.AnsweredLate,
        c.ReviewNote, c.ReviewedAt, sanctionId);
}

public sealed record SanctionView(Guid Id, Guid ClarificationId, Guid FindingId, Guid VisitId, Guid UnitId, Guid OfficerId, string? OfficerName,
    string SuperiorName, string? SuperiorPosition, string RecommendedLevel, string Gravity, int? UnexcusedDaysInYear, string Basis,
    DateTimeOffset RecommendedAt, DateTimeOffset DecisionDueAt, string Status, bool Overdue, string? Decision, string? DecidedLevel,
    string? DecidedBy, string? DecisionNote, DateTimeOffset? DecidedAt)
{
    public static SanctionView From(SanctionRecommendation s, string? officerName, DateTimeOffset now) => new(s.Id, s.ClarificationId, s.FindingId,
        s.VisitId, s.UnitId, s.OfficerId, officerName, s.SuperiorName, s.SuperiorPosition, DisciplineLadder.Name(s.RecommendedLevel),
        Kebab.Of(DisciplineLadder.Gravity(s.RecommendedLevel)), s.UnexcusedDaysInYear, s.Basis, s.RecommendedAt, s.DecisionDueAt,
        Kebab.Of(s.Status), s.IsOverdue(now), s.Decision is { } d ? Kebab.Of(d) : null,
        s.DecidedLevel is { } l ? DisciplineLadder.Name(l) : null, s.DecidedByName, s.DecisionNote, s.DecidedAt);
}

public sealed record FollowUpList(IReadOnlyList<ClarificationView> Clarifications, IReadOnlyList<SanctionView> Sanctions);
