namespace Tinjau.Evaluations.Api.Domain;

/// <summary>The dates of a cycle (all optional, in the city's calendar).</summary>
public sealed record CycleSchedule(
    DateOnly? F01Opens,
    DateOnly? F01Due,
    DateOnly? FieldVisitsFrom,
    DateOnly? FieldVisitsTo,
    DateOnly? F03From,
    DateOnly? F03To,
    DateOnly? VerificationFrom,
    DateOnly? VerificationTo,
    DateOnly? BeritaAcaraDue);

/// <summary>
/// An evaluation cycle: a period (year), the instrument version, the schedule and the units evaluated (lokus), each
/// as an <see cref="Evaluation"/> with its own team. A mandiri cycle is run by the units themselves.
/// </summary>
public sealed class Cycle
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    public string Name { get; set; } = "";
    public Guid InstrumentId { get; init; }
    public bool Mandiri { get; init; }
    public CycleSchedule Schedule { get; set; } = new(null, null, null, null, null, null, null, null, null);
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A member of the evaluator team of one unit. Role: lead, member or verifier.</summary>
public sealed record TeamMember(string SubjectId, string Name, string Role);

public static class TeamRoles
{
    public const string Lead = "lead";
    public const string Member = "member";
    public const string Verifier = "verifier";
    public static readonly IReadOnlyList<string> All = [Lead, Member, Verifier];
}
