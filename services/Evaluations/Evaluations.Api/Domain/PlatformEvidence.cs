namespace Tinjau.Evaluations.Api.Domain;

/// <summary>A unit's complaint-handling record in a year, from ComplaintResolved/ComplaintRated/ComplaintSlaBreached.</summary>
public sealed record ComplaintStats(int Resolved, decimal? WithinSlaShare, decimal? MedianWorkingDays, int Ratings, decimal? AverageRating,
    decimal? SatisfiedShare, int SlaBreaches);

/// <summary>A unit's sidak record in a year, from InspectionCompleted/ViolationRecorded.</summary>
public sealed record SidakStats(int Visits, decimal? AverageCompliance, int FindingsLow, int FindingsMedium, int FindingsHigh,
    int OfficersRecorded, int OfficersAbsentWithoutReason, decimal? AttendanceShare, int ViolationsConcerningOfficers);

/// <summary>A suggested score band for an indicator, with the share it came from and how.</summary>
public sealed record SuggestedBand(string Basis, decimal Share, int Min, int Max, string Rule);

public sealed record ShareBand(decimal MinShare, int Min, int Max);

/// <summary>Configuration <c>Evaluations:Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evaluations:Evidence";

    /// <summary>Resolved complaints needed before a band is suggested (default 5).</summary>
    public int MinimumComplaints { get; set; } = 5;

    /// <summary>Share → band, highest first (defaults: ≥ 0.90 → 4–5, ≥ 0.75 → 3–4, ≥ 0.50 → 2–3, else 0–2).</summary>
    public List<ShareBand> Bands { get; set; } = [];

    public IReadOnlyList<ShareBand> EffectiveBands => Bands.Count > 0 ? Bands : DefaultBands;

    public static readonly IReadOnlyList<ShareBand> DefaultBands =
        [new(0.90m, 4, 5), new(0.75m, 3, 4), new(0.50m, 2, 3), new(0m, 0, 2)];
}

public static class PlatformEvidenceRules
{
    public static ComplaintStats Complaints(IReadOnlyList<ComplaintFact> resolved, IReadOnlyList<int> ratings, int breaches)
    {
        decimal? within = resolved.Count == 0 ? null : Math.Round((decimal)resolved.Count(f => f.AnsweredWithinSla == true) / resolved.Count, 4);
        var days = resolved.Where(f => f.WorkingDaysTaken is not null).Select(f => f.WorkingDaysTaken!.Value).Order().ToList();
        decimal? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2m;
        decimal? avg = ratings.Count == 0 ? null : Math.Round((decimal)ratings.Sum() / ratings.Count, 2);
        decimal? satisfied = ratings.Count == 0 ? null : Math.Round((decimal)ratings.Count(r => r >= 4) / ratings.Count, 4);
        return new ComplaintStats(resolved.Count, within, median, ratings.Count, avg, satisfied, breaches);
    }

    public static SidakStats Sidak(IReadOnlyList<SidakVisitFact> visits, IReadOnlyList<SidakViolationFact> violations)
    {
        var scored = visits.Where(v => v.ComplianceScore is not null).ToList();
        decimal? compliance = scored.Count == 0 ? null : Math.Round(scored.Average(v => v.ComplianceScore!.Value), 4);
        var recorded = visits.Sum(v => v.OfficersRecorded);
        var absent = visits.Sum(v => v.OfficersAbsentWithoutReason);
        decimal? attendance = recorded == 0 ? null : Math.Round(1m - (decimal)absent / recorded, 4);
        return new SidakStats(visits.Count, compliance, visits.Sum(v => v.FindingsLow), visits.Sum(v => v.FindingsMedium),
            visits.Sum(v => v.FindingsHigh), recorded, absent, attendance, violations.Count(v => v.ConcernsOfficer));
    }

    /// <summary>
    /// complaints: 0.7 × share answered within SLA + 0.3 × satisfaction ((average rating − 1) / 4) when rated, else the
    /// SLA share alone, from at least <see cref="EvidenceOptions.MinimumComplaints"/> resolved complaints;
    /// sidak-staff: attendance share (1 − unexcused absences / officers recorded); sidak-facilities: mean checklist
    /// compliance. The share maps to a band by <see cref="EvidenceOptions.Bands"/>.
    /// </summary>
    public static SuggestedBand? Suggest(string? kind, ComplaintStats complaints, SidakStats sidak, EvidenceOptions options)
    {
        (decimal? share, string rule) = kind switch
        {
            PlatformEvidenceKinds.Complaints when complaints.Resolved >= options.MinimumComplaints && complaints.WithinSlaShare is { } sla =>
                complaints.AverageRating is { } avg
                    ? (0.7m * sla + 0.3m * ((avg - 1m) / 4m), "0.7 × share within SLA + 0.3 × (average rating − 1) / 4")
                    : (sla, "share of resolved complaints answered within SLA"),
            PlatformEvidenceKinds.SidakStaff when sidak.AttendanceShare is { } att => (att, "1 − unexcused absences / officers recorded in sidak"),
            PlatformEvidenceKinds.SidakFacilities when sidak.AverageCompliance is { } c => (c, "mean sidak checklist compliance"),
            _ => ((decimal?)null, ""),
        };
        if (share is not { } s)
        {
            return null;
        }
        s = Math.Round(s, 4);
        var ordered = options.EffectiveBands.OrderByDescending(b => b.MinShare).ToList();
        var band = ordered.FirstOrDefault(b => s >= b.MinShare) ?? ordered[^1];
        return new SuggestedBand(kind!, s, band.Min, band.Max, rule);
    }
}
