using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The leadership dashboard (<c>/pimpinan</c>): who gets it, and how the services' figures read on the map and in the
/// tables. The figures themselves (rankings, the early-warning list, city statistics) are the services' answers to
/// the signed-in user's own token; the services refuse them to anyone who is not a city-wide reader.
/// </summary>
public static class Leadership
{
    public const string Roles = TinjauRoles.Leadership + "," + TinjauRoles.Admin;

    public static bool Reads(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.Admin);

    /// <summary>The complaint figures compare this many days up to today with the same number of days before them.</summary>
    public const int PeriodDays = 30;

    /// <summary>
    /// A pin's fill per PEKPPP category (PermenPANRB 29/2022 bands), each with a text colour at 4.5:1 or more; the
    /// category's letter is always written on the pin too, so colour is never the only cue.
    /// </summary>
    public static (string Fill, string Text) Colors(string? category) => category switch
    {
        "A" or "A-" => ("#1b5e20", "#ffffff"),
        "B" or "B-" => ("#2e7d32", "#ffffff"),
        "C" or "C-" => ("#f9a825", "#1b1b1f"),
        "D" or "E" or "F" => ("#b71c1c", "#ffffff"),
        _ => ("#5f6368", "#ffffff"),
    };

    public static readonly string[] CategoryGroups = ["A", "B", "C", "D"];

    /// <summary><c>▲ +0,25</c>, <c>▼ −0,10</c>, or <c>–</c> without a previous result.</summary>
    public static string Trend(decimal? change) => change switch
    {
        null => "–",
        > 0 => "▲ +" + PortalCulture.Number(change.Value),
        < 0 => "▼ −" + PortalCulture.Number(-change.Value),
        _ => "= 0",
    };

    /// <summary>What pulls a unit's predicted Ombudsman score down: each weighted component without data, or below 60 %, in words.</summary>
    public static IEnumerable<string> Reasons(Readiness r, IStringLocalizer text) =>
        r.Components.Where(c => c.Weight > 0 && (c.Value is null || c.Value < 0.6m))
            .Select(c => c.Value is { } v
                ? string.Format(CultureInfo.CurrentCulture, text["LeadReasonLow_" + c.Name], Percent(v))
                : text["LeadReasonMissing_" + c.Name].Value);

    /// <summary>A share (0–1) as a whole percentage, or <c>–</c>.</summary>
    public static string Percent(double? share) => share is { } s ? PortalCulture.Number(s * 100, 0) + " %" : "–";

    public static string Percent(decimal? share) => Percent(share is { } s ? (double?)(double)s : null);

    /// <summary>What the map's pins are coloured by: the IPP category, the share of complaints answered within SLA, or sidak findings.</summary>
    public static readonly string[] MapLayers = ["ipp", "sla", "sidak"];

    public static string Layer(string? asked) => asked is not null && MapLayers.Contains(asked) ? asked : "ipp";

    /// <summary>The SLA layer's bands: at least 90 %, 75–89 %, below 75 % of resolved complaints answered within SLA.</summary>
    public static readonly string[] SlaBands = ["hi", "mid", "low"];

    /// <summary>The sidak layer's bands: visited without findings, 1–2 findings and none heavy, 3 or more or any heavy.</summary>
    public static readonly string[] SidakBands = ["clear", "some", "many"];

    public static (string Fill, string Text) BandColors(string band) => band switch
    {
        "hi" or "clear" => ("#1b5e20", "#ffffff"),
        "mid" or "some" => ("#f9a825", "#1b1b1f"),
        "low" or "many" => ("#b71c1c", "#ffffff"),
        _ => ("#5f6368", "#ffffff"),
    };

    public static string? SlaBand(UnitFigures? f) => f?.WithinSlaShare switch
    {
        null => null,
        >= 0.9m => "hi",
        >= 0.75m => "mid",
        _ => "low",
    };

    public static string? SidakBand(UnitFigures? f) => f is not { SidakVisits: > 0 } v ? null
        : v.SidakFindings == 0 ? "clear"
        : v.SidakFindings <= 2 && v.SidakFindingsHigh == 0 ? "some"
        : "many";

    /// <summary>
    /// The map's pins: each kelurahan and kecamatan with a location, what the layer says of it (the IPP category's
    /// letter, the share within SLA in whole percent, or the number of sidak findings; "–" for nothing yet) and whether
    /// it is on the early-warning list. JSON for <c>wwwroot/js/portal.js</c>.
    /// </summary>
    public static string PinsJson(IEnumerable<UnitListItem> units, IReadOnlyDictionary<Guid, Scorecard> cards, ISet<Guid> warned, int year,
        Func<string, string> text, string layer = "ipp", IReadOnlyDictionary<Guid, UnitFigures>? figures = null) =>
        JsonSerializer.Serialize(units
            .Where(u => u.Location is { Latitude: not null, Longitude: not null })
            .Select(u =>
            {
                var card = cards.GetValueOrDefault(u.Id);
                var f = figures?.GetValueOrDefault(u.Id);
                var (band, mark, label) = layer switch
                {
                    "sla" => (SlaBand(f), f?.WithinSlaShare is { } share ? PortalCulture.Number(share * 100, 0) : "",
                        f is { Resolved: > 0 }
                            ? string.Format(CultureInfo.CurrentCulture, text("LeadPinSla"), u.Name, Percent(f.WithinSlaShare), f.Resolved)
                            : $"{u.Name}: {text("LeadSla_none")}"),
                    "sidak" => (SidakBand(f), f is { SidakVisits: > 0 } ? f.SidakFindings.ToString(CultureInfo.CurrentCulture) : "",
                        f is { SidakVisits: > 0 }
                            ? string.Format(CultureInfo.CurrentCulture, text("LeadPinSidak"), u.Name, f.SidakVisits, f.SidakFindings, f.SidakFindingsHigh)
                            : $"{u.Name}: {text("LeadSidak_none")}"),
                    _ => (card?.Category, card?.Category ?? "",
                        card is null
                            ? $"{u.Name}: {text("LeadNoResult")}"
                            : $"{u.Name}: IPP {PortalCulture.Number(card.Ipp)}, {card.Category} · {card.CategoryLabel}"),
                };
                var (fill, ink) = layer == "ipp" ? Colors(card?.Category) : BandColors(band ?? "");
                return new
                {
                    code = u.Code,
                    name = u.Name,
                    lat = u.Location!.Latitude,
                    lon = u.Location.Longitude,
                    category = card?.Category ?? "",
                    band = band ?? "",
                    mark,
                    label,
                    warned = warned.Contains(u.Id),
                    fill,
                    ink,
                    big = u.Type == "kecamatan",
                    href = $"/pimpinan/unit/{u.Id}?tahun={year.ToString(CultureInfo.InvariantCulture)}",
                };
            }));
}
