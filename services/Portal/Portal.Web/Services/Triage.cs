using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using MiniExcelLibs;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The complaint admins' back office (<c>/petugas/triase</c>): who may open it, the queue's tabs and filters, and the
/// exports. Which complaints exist and which actions succeed is the complaints service's answer; the portal only
/// decides which forms to show for a status (the service still refuses, with 409, what its state machine does not allow).
/// </summary>
public static class Triage
{
    public const string Roles = TinjauRoles.ComplaintAdmin + "," + TinjauRoles.Admin;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.ComplaintAdmin) || user.IsInRole(TinjauRoles.Admin);

    /// <summary>The queue's tabs: new (Menunggu verifikasi), postponed, deadline near, deadline passed, all.</summary>
    public static readonly IReadOnlyList<string> Tabs = ["baru", "ditunda", "mendekati", "lewat", "semua"];

    /// <summary>"Near": the deadline running now ends within this time (two days: the last two working days of a 3-day verification).</summary>
    public static readonly TimeSpan NearDeadline = TimeSpan.FromDays(2);

    public const int PageSize = 25;

    /// <summary>An export reads at most this many rows (pages of 200 from the service).</summary>
    public const int ExportLimit = 5000;

    /// <summary>The unit types offered when disposing: where a complaint can go, up or across.</summary>
    public static readonly IReadOnlyList<string> UnitTypes = ["kelurahan", "kecamatan", "sudin", "ptsp", "kota"];

    /// <summary>The channels the complaints service records (its <c>ComplaintChannels</c>).</summary>
    public static readonly IReadOnlyList<string> Channels =
    [
        "jaki", "lapor-web", "lapor-sms", "twitter", "facebook", "instagram", "email", "sms", "whatsapp", "web",
        "walk-in-balai-kota", "walk-in-walikota", "walk-in-inspektorat", "walk-in-kecamatan", "walk-in-kelurahan", "media", "open311",
    ];

    /// <summary>Which admin forms the page shows for a status (the service's state machine decides in the end).</summary>
    public static bool Offers(string action, StaffComplaint c) => action switch
    {
        "verify" or "reject" => c.Status == "Menunggu",
        "dispose" => c.Status is "Koordinasi" or "Disposisi" or "Proses" or "Ditunda",
        "coordinate" => c.Status is "Koordinasi" or "Disposisi" or "Proses",
        "postpone" => c.Status is "Menunggu" or "Koordinasi" or "Disposisi" or "Proses",
        "not-our-authority" => c.Status is "Menunggu" or "Koordinasi" or "Disposisi",
        "archive" => c.Status is "Selesai" or "Ditolak" or "BukanWewenang" or "Ditunda",
        "confirm" => c.Status == "Proses" && !string.IsNullOrWhiteSpace(c.Answer),
        _ => false,
    };

    public static readonly IReadOnlyList<string> Actions = ["verify", "dispose", "coordinate", "postpone", "not-our-authority", "reject", "archive", "confirm"];

    /// <summary>Great-circle distance in metres (the complaints service's duplicate rule measures the same way).</summary>
    public static int DistanceMeters(StaffLocation a, StaffLocation b)
    {
        const double r = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return (int)Math.Round(2 * r * Math.Asin(Math.Sqrt(h)));
    }

    /// <summary>
    /// Export rows: the list's own fields. The list carries no reporter and no description, so an export never holds
    /// the identity of an anonim or rahasia reporter, nor a rahasia report's text.
    /// </summary>
    public static IEnumerable<ExportRow> Rows(IEnumerable<ComplaintSummary> items, IReadOnlyDictionary<string, string> categories) =>
        items.Select(c => new ExportRow(c.TrackingNumber, c.Kind, categories.GetValueOrDefault(c.Category) ?? c.Category, c.Channel ?? "",
            c.Status, c.UnitName ?? "", c.Anonymous ? "ya" : "tidak", c.Confidential ? "ya" : "tidak",
            TimeZoneInfo.ConvertTime(c.FiledAt, City).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            c.CurrentDeadline is { } d ? TimeZoneInfo.ConvertTime(PortalCulture.LastMoment(d), City).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""));

    /// <summary>Exported dates and times are the city's (the list has no unit time zones).</summary>
    private static TimeZoneInfo City => PortalCulture.Zone(PortalCulture.DefaultTimeZone);

    /// <summary>RFC 4180 CSV (CsvHelper) with a byte order mark (spreadsheets then read UTF-8), a leading formula character escaped.</summary>
    public static byte[] Csv(IEnumerable<ExportRow> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(ExportRow.Header);
            foreach (var r in rows)
            {
                csv.WriteRecord([r.Nomor, r.Jenis, r.Kategori, r.Kanal, r.Status, r.Unit, r.Anonim, r.Rahasia, r.Diterima, r.BatasWaktu]);
            }
        }
        return stream.ToArray();
    }

    /// <summary>One sheet "Aduan" with a header row (MiniExcel).</summary>
    public static async Task<byte[]> XlsxAsync(IEnumerable<ExportRow> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Aduan", cancellationToken: ct);
        return stream.ToArray();
    }
}

/// <summary>One exported complaint; the column names are the header of both files.</summary>
public sealed record ExportRow(string Nomor, string Jenis, string Kategori, string Kanal, string Status, string Unit, string Anonim,
    string Rahasia, string Diterima, string BatasWaktu)
{
    public static readonly string[] Header = ["Nomor", "Jenis", "Kategori", "Kanal", "Status", "Unit", "Anonim", "Rahasia", "Diterima", "BatasWaktu"];
}

/// <summary>The queue's filters as the page's query string carries them, and as the complaints API reads them.</summary>
public sealed record TriageFilter(string Tab, string? Category, string? Channel, string? From, string? To, Guid? UnitId)
{
    public static TriageFilter Of(string? tab, string? category, string? channel, string? from, string? to, string? unit) => new(
        Triage.Tabs.Contains(tab ?? "") ? tab! : "baru", category.Trimmed(), channel.Trimmed(), Day(from), Day(to),
        Guid.TryParse(unit, out var u) ? u : null);

    /// <summary>The API's query for this filter: the tab as a status or a deadline window, dates as days in the city's zone.</summary>
    public string ApiQuery(DateTimeOffset now, int page, int pageSize)
    {
        var q = new List<string> { FormattableString.Invariant($"page={page}"), FormattableString.Invariant($"pageSize={pageSize}") };
        string Instant(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));
        switch (Tab)
        {
            case "baru": q.Add("status=Menunggu"); break;
            case "ditunda": q.Add("status=Ditunda"); break;
            case "mendekati": q.Add("dueFrom=" + Instant(now)); q.Add("dueBefore=" + Instant(now + Triage.NearDeadline)); break;
            case "lewat": q.Add("dueBefore=" + Instant(now)); break;
        }
        Add(q, "category", Category);
        Add(q, "channel", Channel);
        Add(q, "from", From);
        Add(q, "to", To);
        Add(q, "unitId", UnitId?.ToString());
        return string.Join('&', q);
    }

    /// <summary>The portal's own query string (page links, tabs, exports).</summary>
    public string PortalQuery(string? tab = null, int? page = null)
    {
        var q = new List<string> { "tab=" + (tab ?? Tab) };
        Add(q, "kategori", Category);
        Add(q, "kanal", Channel);
        Add(q, "dari", From);
        Add(q, "sampai", To);
        Add(q, "unit", UnitId?.ToString());
        if (page is > 1)
        {
            q.Add(FormattableString.Invariant($"hal={page}"));
        }
        return string.Join('&', q);
    }

    private static void Add(List<string> q, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            q.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }


    /// <summary>A date field's value (yyyy-MM-dd), else nothing: a malformed date is dropped rather than sent.</summary>
    private static string? Day(string? v) =>
        DateOnly.TryParseExact(v?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
