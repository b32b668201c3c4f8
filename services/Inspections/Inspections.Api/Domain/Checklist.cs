namespace Tinjau.Inspections.Api.Domain;

public enum ChecklistAnswerValue
{
    Yes,
    No,
    Partly,
    NotApplicable,
}

/// <summary>A checklist item: <see cref="Text"/> in Indonesian, <see cref="TextEn"/> its English translation (optional).</summary>
public sealed record ChecklistItem(string Code, string Text, string? TextEn = null);

/// <summary>
/// A version of a sidak checklist. Templates are data: a city adds items by publishing a new version; visits keep the
/// version they were filled against, so old scores keep their meaning.
/// </summary>
public sealed class ChecklistTemplate
{
    public const string DefaultCode = "sidak-pelayanan";

    private ChecklistTemplate()
    {
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    public string ItemsJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public IReadOnlyList<ChecklistItem> Items => JsonSerializer.Deserialize<List<ChecklistItem>>(ItemsJson, JsonSerializerOptions.Web) ?? [];

    public static ChecklistTemplate Create(Guid id, string code, int version, string title, IReadOnlyList<ChecklistItem> items,
        string createdBy, DateTimeOffset at)
    {
        if (items.Count == 0)
        {
            throw new DomainException("A checklist needs at least one item.");
        }
        if (items.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw new DomainException("Checklist item codes must be unique.");
        }
        return new ChecklistTemplate
        {
            Id = id,
            Code = code,
            Version = version,
            Title = title,
            ItemsJson = JsonSerializer.Serialize(items, JsonSerializerOptions.Web),
            CreatedAt = Instants.Normalize(at),
            CreatedBy = createdBy,
        };
    }

    /// <summary>
    /// Replaces the wording of the items (same codes, same order), leaving what they mean and the scores filled against
    /// them unchanged: for the seeded version 1, which shipped in English only.
    /// </summary>
    public bool Reword(IReadOnlyList<ChecklistItem> items)
    {
        var current = Items;
        if (!current.Select(i => i.Code).SequenceEqual(items.Select(i => i.Code)) || current.SequenceEqual(items))
        {
            return false;
        }
        ItemsJson = JsonSerializer.Serialize(items, JsonSerializerOptions.Web);
        return true;
    }

    /// <summary>The next version: this version's items minus <paramref name="removeCodes"/>, plus <paramref name="add"/>.</summary>
    public ChecklistTemplate NextVersion(Guid id, string? title, IReadOnlyList<ChecklistItem> add, IReadOnlyCollection<string> removeCodes,
        string createdBy, DateTimeOffset at)
    {
        var unknown = removeCodes.Where(c => Items.All(i => i.Code != c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new DomainException($"Version {Version} has no item {string.Join(", ", unknown)} to remove.");
        }
        var items = Items.Where(i => !removeCodes.Contains(i.Code)).Concat(add).ToList();
        return Create(id, Code, Version + 1, title ?? Title, items, createdBy, at);
    }

    /// <summary>Version 1, from the sidak items of DOMAIN.md.</summary>
    public static IReadOnlyList<ChecklistItem> SidakV1Items { get; } =
    [
        new("office-open", "Kantor buka pada jam pelayanan", "Office open during service hours"),
        new("head-present", "Kepala kantor hadir", "Head of office present"),
        new("staff-present", "Pegawai hadir sesuai daftar piket", "Staff present against the roster"),
        new("counters-staffed", "Loket pelayanan terisi petugas", "Service counters staffed"),
        new("queue-system", "Sistem antrean berjalan", "Queue system in operation"),
        new("service-standard-displayed", "Standar pelayanan dipajang", "Service standard (standar pelayanan) displayed"),
        new("maklumat-displayed", "Maklumat pelayanan dipajang", "Maklumat pelayanan displayed"),
        new("complaint-channel", "Kotak pengaduan atau kontak pengaduan tersedia", "Complaint box or contact available"),
        new("waiting-room", "Ruang tunggu", "Waiting room"),
        new("disability-access", "Akses bagi penyandang disabilitas", "Access for people with disabilities"),
        new("lactation-room", "Ruang laktasi", "Lactation room"),
        new("toilet", "Toilet", "Toilet"),
        new("service-hours-posted", "Jam pelayanan dipasang", "Service hours posted"),
    ];
}

/// <summary>The compliance score of a filled checklist: the share of applicable items met, "partly" counting half.</summary>
public static class ComplianceScore
{
    /// <returns>A value between 0 and 1 rounded to 4 decimals, or null when no item applied.</returns>
    public static decimal? Of(IEnumerable<ChecklistAnswerValue> answers)
    {
        var applicable = 0;
        var met = 0m;
        foreach (var answer in answers)
        {
            switch (answer)
            {
                case ChecklistAnswerValue.Yes:
                    applicable++;
                    met += 1m;
                    break;
                case ChecklistAnswerValue.Partly:
                    applicable++;
                    met += 0.5m;
                    break;
                case ChecklistAnswerValue.No:
                    applicable++;
                    break;
            }
        }
        return applicable == 0 ? null : Math.Round(met / applicable, 4, MidpointRounding.AwayFromZero);
    }
}
