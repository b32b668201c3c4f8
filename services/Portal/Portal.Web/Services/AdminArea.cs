using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The admins' pages (<c>/admin/…</c>): who gets the menu, and how the services' answers read. Who may change what is
/// the services' decision (the identity service's admin policy, the gateway's and the registry's on every write); the
/// pages show their answers and their refusals.
/// </summary>
public static class AdminArea
{
    public const string Roles = TinjauRoles.Admin;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Admin);

    public const int PageSize = 25;

    /// <summary>The registry's weekday names, Monday first, as its service hours carry them.</summary>
    public static readonly IReadOnlyList<string> Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The unit types of the registry (its <c>UnitTypes.Names</c>).</summary>
    public static readonly IReadOnlyList<string> UnitTypes = ["kota", "kecamatan", "kelurahan", "sudin", "ptsp", "puskesmas", "upt", "other"];

    public static readonly IReadOnlyList<string> HolidayKinds = ["national", "cuti-bersama"];

    /// <summary>
    /// The message shown beside a field the service refused: the portal's own sentence for that field when it has one
    /// (<c>AdminError_{field}</c>), else the service's words.
    /// </summary>
    public static string FieldMessage(IStringLocalizer text, string field, string[] serviceMessages)
    {
        var own = text["AdminError_" + field.Replace('.', '_')];
        return own.ResourceNotFound ? string.Join(" ", serviceMessages) : own.Value;
    }

    /// <summary>The registry writes its calendar warning as "Indonesian / English": the half of the reader's language.</summary>
    public static string? InLanguage(string? bilingual)
    {
        if (string.IsNullOrWhiteSpace(bilingual))
        {
            return null;
        }
        var parts = bilingual.Split(" / ", 2);
        return parts.Length == 2 && PortalCulture.IsEnglish ? parts[1] : parts[0];
    }

    /// <summary>Non-empty trimmed lines of a textarea (a service's requirements, one per line).</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>"08:00–16:00, 13:00–15:00", "24 jam" or "Tutup" for one weekday.</summary>
    public static string Describe(HoursDay? day, IStringLocalizer text) => day switch
    {
        null => text["AdminHoursClosed"],
        { AllDay: true } => text["AdminHoursAllDay"],
        _ => string.Join(", ", (day.Ranges ?? []).Select(r => $"{r.Opens}–{r.Closes}")),
    };
}
