using System.Globalization;

namespace Tinjau.Portal.Web.Services;

/// <summary>One weekday of the hours form: closed, open 24 hours, or up to two ranges (e.g. a midday break).</summary>
public sealed record HoursRow(string Mode, string? Open1, string? Close1, string? Open2, string? Close2);

/// <summary>
/// The service hours form: the weekly hours, open on holidays, the dated exceptions kept or removed, and one new
/// exception. It reads the registry's hours and the posted form, and writes the registry's whole set back (PUT).
/// </summary>
public sealed class HoursForm
{
    public const string Closed = "closed", Hours = "hours", AllDay = "allday";

    public Dictionary<string, HoursRow> Days { get; } = new();

    public bool OpenOnHolidays { get; set; }

    public List<HoursException> Exceptions { get; } = [];

    public HashSet<int> Remove { get; } = [];

    public string? NewFrom { get; set; }
    public string? NewTo { get; set; }
    public string? NewReason { get; set; }
    public bool NewClosed { get; set; }
    public string? NewOpens { get; set; }
    public string? NewCloses { get; set; }

    private bool HasNew => !string.IsNullOrWhiteSpace(NewFrom) || !string.IsNullOrWhiteSpace(NewTo) || !string.IsNullOrWhiteSpace(NewReason);

    public static HoursForm From(UnitServiceHours hours)
    {
        var form = new HoursForm { OpenOnHolidays = hours.OpenOnHolidays };
        foreach (var day in AdminArea.Weekdays)
        {
            var d = hours.Weekly?.FirstOrDefault(w => w.Day == day);
            var ranges = d?.Ranges ?? [];
            form.Days[day] = d is null ? new HoursRow(Closed, null, null, null, null)
                : d.AllDay ? new HoursRow(AllDay, null, null, null, null)
                : new HoursRow(Hours, ranges.ElementAtOrDefault(0)?.Opens, ranges.ElementAtOrDefault(0)?.Closes,
                    ranges.ElementAtOrDefault(1)?.Opens, ranges.ElementAtOrDefault(1)?.Closes);
        }
        form.Exceptions.AddRange(hours.Exceptions ?? []);
        return form;
    }

    /// <summary>The posted form over the registry's current exceptions (which it keeps unless ticked for removal).</summary>
    public static HoursForm FromForm(IFormCollection posted, IEnumerable<HoursException> current)
    {
        string? V(string name) => posted[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        var form = new HoursForm { OpenOnHolidays = V("jam-libur") == "true" };
        foreach (var day in AdminArea.Weekdays)
        {
            form.Days[day] = new HoursRow(V($"jam-{day}-mode") ?? Closed, V($"jam-{day}-buka1"), V($"jam-{day}-tutup1"), V($"jam-{day}-buka2"),
                V($"jam-{day}-tutup2"));
        }
        form.Exceptions.AddRange(current);
        foreach (var i in posted["jam-hapus"].Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n >= 0))
        {
            form.Remove.Add(i);
        }
        form.NewFrom = V("ex-from");
        form.NewTo = V("ex-to");
        form.NewReason = V("ex-reason");
        form.NewClosed = V("ex-closed") == "true";
        form.NewOpens = V("ex-opens");
        form.NewCloses = V("ex-closes");
        return form;
    }

    /// <summary>The registry's body: weekdays in order (closed ones left out), the kept exceptions, then the new one.</summary>
    public UnitServiceHours ToHours()
    {
        var weekly = new List<HoursDay>();
        foreach (var day in AdminArea.Weekdays)
        {
            var row = Days[day];
            if (row.Mode == AllDay)
            {
                weekly.Add(new HoursDay(day, true, null));
            }
            else if (row.Mode == Hours)
            {
                var ranges = new List<HoursRange> { new(row.Open1, row.Close1) };
                if (row.Open2 is not null || row.Close2 is not null)
                {
                    ranges.Add(new HoursRange(row.Open2, row.Close2));
                }
                weekly.Add(new HoursDay(day, false, ranges));
            }
        }
        var exceptions = Exceptions.Where((_, i) => !Remove.Contains(i)).ToList();
        if (HasNew)
        {
            // An hours exception (e.g. Ramadan) gives its hours Monday to Friday; the registry keeps other days closed then.
            exceptions.Add(new HoursException(Day(NewFrom), Day(NewTo), NewReason, NewClosed,
                NewClosed ? null : AdminArea.Weekdays.Take(5).Select(d => new HoursDay(d, false, [new HoursRange(NewOpens, NewCloses)])).ToList()));
        }
        return new UnitServiceHours(weekly, exceptions, OpenOnHolidays);
    }

    /// <summary>The page's field for one of the registry's refusals (<c>weekly[2].ranges[0]</c>, <c>exceptions[1].from</c>).</summary>
    public string FieldOf(string field, UnitServiceHours sent)
    {
        if (field.StartsWith("weekly[", StringComparison.Ordinal) && Index(field) is { } w && w < (sent.Weekly?.Count ?? 0))
        {
            var day = sent.Weekly![w].Day;
            return field.Contains("ranges[1]", StringComparison.Ordinal) ? $"jam-{day}-buka2" : $"jam-{day}-buka1";
        }
        if (field.StartsWith("exceptions[", StringComparison.Ordinal) && HasNew && Index(field) == (sent.Exceptions?.Count ?? 0) - 1)
        {
            return field.EndsWith(".from", StringComparison.Ordinal) ? "ex-from"
                : field.EndsWith(".to", StringComparison.Ordinal) ? "ex-to"
                : field.EndsWith(".reason", StringComparison.Ordinal) ? "ex-reason" : "ex-opens";
        }
        return "jam-monday-mode";
    }

    private static int? Index(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    private static DateOnly? Day(string? v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>A catalogue service as its form posts it: the six published components of its standard, requirements one per line.</summary>
public sealed class ServiceInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsOnline { get; set; }
    public string? Requirements { get; set; }
    public string? Procedure { get; set; }
    public string? Time { get; set; }
    public string? TimeLimit { get; set; }
    public string? Cost { get; set; }
    public string? Product { get; set; }
    public string? ComplaintHandling { get; set; }

    public static readonly IReadOnlyList<string> StandardFields = ["requirements", "procedure", "time", "timeLimitWorkingDays", "cost", "product", "complaintHandling"];

    public static ServiceInput From(CatalogueService s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        IsOnline = s.IsOnline,
        Requirements = string.Join('\n', s.Standard.Requirements ?? []),
        Procedure = s.Standard.Procedure,
        Time = s.Standard.Time,
        TimeLimit = s.Standard.TimeLimitWorkingDays?.ToString(CultureInfo.InvariantCulture),
        Cost = s.Standard.Cost,
        Product = s.Standard.Product,
        ComplaintHandling = s.Standard.ComplaintHandling,
    };

    public object Body() => new
    {
        name = Name?.Trim(),
        description = Description.Trimmed(),
        isOnline = IsOnline,
        standard = new ServiceStandard(AdminArea.Lines(Requirements), Procedure?.Trim(), Time?.Trim(),
            int.TryParse(TimeLimit, CultureInfo.InvariantCulture, out var days) ? days : null, Cost?.Trim(), Product?.Trim(), ComplaintHandling?.Trim()),
    };

    /// <summary>The page's field id for a refusal of the service form <paramref name="key"/> (a service id, or <c>baru</c>).</summary>
    public static string FieldOf(string key, string field)
    {
        var name = field.StartsWith("standard.", StringComparison.Ordinal) ? field["standard.".Length..] : field;
        return name is "name" or "description" || StandardFields.Contains(name) ? $"svc-{key}-{name}" : $"svc-{key}-requirements";
    }
}
