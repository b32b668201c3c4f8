namespace Tinjau.Complaints.Api.Domain;

/// <summary>One set of SLA numbers; unset values fall through to the next, more general level.</summary>
public class SlaRule
{
    /// <summary>Verification and forwarding to the unit (LAPOR!: 3 working days).</summary>
    public int? VerificationWorkingDays { get; set; }

    /// <summary>The unit's follow-up, from disposition to answer (LAPOR!: 5 working days).</summary>
    public int? FollowUpWorkingDays { get; set; }

    /// <summary>Closed automatically this many working days after the answer if nobody confirms and the reporter does not reply (LAPOR!: 10).</summary>
    public int? AutoCloseWorkingDays { get; set; }

    /// <summary>After Selesai the reporter may rate or reopen for this many working days.</summary>
    public int? ReopenWindowWorkingDays { get; set; }
}

public sealed class CitySlaRule : SlaRule
{
    public Dictionary<string, SlaRule> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// <c>Complaints:Sla</c>: defaults, overrides per kind, and per city (Kemendagri code such as <c>31.71</c>) with
/// their own per-kind overrides. Resolution, most specific first: city+kind, city, kind, defaults.
/// </summary>
public sealed class SlaOptions : SlaRule
{
    public SlaOptions()
    {
        VerificationWorkingDays = 3;
        FollowUpWorkingDays = 5;
        AutoCloseWorkingDays = 10;
        ReopenWindowWorkingDays = 10;
    }

    /// <summary>How often the breach detector runs.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public Dictionary<string, SlaRule> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, CitySlaRule> Cities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ResolvedSla Resolve(ComplaintKind kind, string? cityCode)
    {
        var kindName = kind.ToName();
        var layers = new List<SlaRule?>();
        if (cityCode is not null && Cities.TryGetValue(cityCode, out var city))
        {
            layers.Add(city.Kinds.GetValueOrDefault(kindName));
            layers.Add(city);
        }
        layers.Add(Kinds.GetValueOrDefault(kindName));
        layers.Add(this);

        int Pick(Func<SlaRule, int?> f) => layers.Select(l => l is null ? null : f(l)).FirstOrDefault(v => v is not null) ?? 0;
        return new ResolvedSla(Pick(r => r.VerificationWorkingDays), Pick(r => r.FollowUpWorkingDays),
            Pick(r => r.AutoCloseWorkingDays), Pick(r => r.ReopenWindowWorkingDays));
    }

    /// <summary>The city part (<c>31.71</c>) of a Kemendagri unit code (<c>31.71.05.1001</c>).</summary>
    public static string? CityCodeOf(string? unitCode)
    {
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return null;
        }
        var parts = unitCode.Split('.');
        return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : unitCode;
    }
}

public sealed record ResolvedSla(int VerificationWorkingDays, int FollowUpWorkingDays, int AutoCloseWorkingDays, int ReopenWindowWorkingDays);
