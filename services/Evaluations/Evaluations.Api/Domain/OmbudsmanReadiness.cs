namespace Tinjau.Evaluations.Api.Domain;

public sealed record ChecklistItemDefinition(string Code, string Text);

/// <summary>Configuration <c>Evaluations:Ombudsman</c>.</summary>
public sealed class OmbudsmanOptions
{
    public const string Section = "Evaluations:Ombudsman";

    /// <summary>Predicted score at or above which the zone is green (default 81).</summary>
    public decimal GreenFrom { get; set; } = 81m;

    /// <summary>Predicted score at or above which the zone is yellow (default 51); below is red.</summary>
    public decimal YellowFrom { get; set; } = 51m;

    /// <summary>Weights of the components (a component without data counts as 0). Defaults 0.4 / 0.3 / 0.2 / 0.1.</summary>
    public decimal ChecklistWeight { get; set; } = 0.4m;
    public decimal ComplaintSlaWeight { get; set; } = 0.3m;
    public decimal SidakComplianceWeight { get; set; } = 0.2m;
    public decimal EvaluationWeight { get; set; } = 0.1m;

    /// <summary>A yellow unit within this many points of red is listed in the early warning too (default 5).</summary>
    public decimal WarningMargin { get; set; } = 5m;

    public List<ChecklistItemDefinition> Items { get; set; } = [];

    public IReadOnlyList<ChecklistItemDefinition> EffectiveItems => Items.Count > 0 ? Items : DefaultItems;

    /// <summary>The nine complaint-management items and the displayed service standard.</summary>
    public static readonly IReadOnlyList<ChecklistItemDefinition> DefaultItems =
    [
        new("dasar-hukum", "Dasar hukum pengelolaan pengaduan"),
        new("sk-pengelola", "Keputusan penetapan pengelola pengaduan"),
        new("petugas-pengaduan", "Petugas pengaduan yang ditunjuk"),
        new("sarana-pengaduan", "Sarana/saluran pengaduan tersedia"),
        new("prosedur-pengaduan", "Prosedur (SOP) pengelolaan pengaduan"),
        new("jangka-waktu", "Jangka waktu penyelesaian pengaduan ditetapkan"),
        new("catatan-tindak-lanjut", "Catatan/register tindak lanjut pengaduan"),
        new("laporan-berkala", "Laporan berkala pengelolaan pengaduan"),
        new("evaluasi-pengaduan", "Evaluasi pengelolaan pengaduan"),
        new("standar-pelayanan-dipajang", "Standar pelayanan dipajang/dipublikasikan"),
    ];
}

public sealed record ReadinessComponent(string Name, decimal? Value, decimal Weight, string Source);

/// <summary><see cref="Missing"/>: what the unit has no data for (each counted as not met), Indonesian first, English second.</summary>
public sealed record ReadinessResult(decimal? PredictedScore, string Zone, IReadOnlyList<ReadinessComponent> Components, string Rule,
    IReadOnlyList<string> Missing);

public static class OmbudsmanRules
{
    private static readonly Dictionary<string, string> MissingText = new()
    {
        ["checklist"] = "Daftar periksa kesiapan belum diisi / readiness checklist not filled",
        ["complaint-sla"] = "Belum ada pengaduan selesai tahun ini / no resolved complaints this year",
        ["sidak-compliance"] = "Belum ada sidak dengan skor kepatuhan / no sidak with a compliance score",
        ["evaluation"] = "Belum ada hasil PEKPPP final / no final PEKPPP result",
    };

    /// <summary>
    /// Predicted score = 100 × Σ weight × value / Σ weight over all components (values are shares 0–1: checklist items
    /// met, complaints answered within SLA, mean sidak compliance, IPP / 5). Missing data never helps: a component
    /// without data counts as 0 (not met) and is listed in <see cref="ReadinessResult.Missing"/>. Zone by the cut-offs;
    /// "unknown" without any data at all.
    /// </summary>
    public static ReadinessResult Predict(decimal? checklistShare, decimal? complaintSlaShare, decimal? sidakCompliance, decimal? ipp,
        OmbudsmanOptions options)
    {
        var components = new List<ReadinessComponent>
        {
            new("checklist", checklistShare, options.ChecklistWeight, "items of the readiness checklist met"),
            new("complaint-sla", complaintSlaShare, options.ComplaintSlaWeight, "resolved complaints answered within SLA"),
            new("sidak-compliance", sidakCompliance, options.SidakComplianceWeight, "mean sidak checklist compliance"),
            new("evaluation", ipp is { } i ? i / 5m : null, options.EvaluationWeight, "latest final IPP / 5"),
        };
        var weighted = components.Where(c => c.Weight > 0).ToList();
        var weight = weighted.Sum(c => c.Weight);
        var missing = weighted.Where(c => c.Value is null).Select(c => MissingText[c.Name]).ToList();
        decimal? score = weight == 0 || missing.Count == weighted.Count
            ? null
            : IndexCalculator.Round2(100m * weighted.Sum(c => c.Weight * (c.Value ?? 0m)) / weight);
        return new ReadinessResult(score, Zone(score, options), components,
            FormattableString.Invariant($"100 × Σ weight × share / Σ weight over all components, a component without data counting 0; green ≥ {options.GreenFrom}, yellow ≥ {options.YellowFrom}, else red"),
            missing);
    }

    public static string Zone(decimal? score, OmbudsmanOptions options) => score switch
    {
        null => "unknown",
        var s when s >= options.GreenFrom => "green",
        var s when s >= options.YellowFrom => "yellow",
        _ => "red",
    };
}
