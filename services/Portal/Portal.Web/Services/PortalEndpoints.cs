using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Tinjau.Portal.Web.Services;

/// <summary>The few plain endpoints beside the pages: language, sign-in and -out, nearby reports for the map script, CSV.</summary>
public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bahasa/{culture}", (string culture, string? kembali, HttpContext http) =>
        {
            var chosen = PortalSetup.Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? PortalCulture.Indonesian;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(LocalOrHome(kembali));
        });

        app.MapGet("/lapor/sekitar", async (double? lat, double? lon, string? kategori, PlatformApi api, IStringLocalizer<Strings> text,
            CancellationToken ct) =>
        {
            if (lat is null || lon is null)
            {
                return Results.Json(Array.Empty<object>());
            }
            var result = await api.NearbyAsync(lat.Value, lon.Value, kategori, ct);
            var items = (result.Value ?? []).Select(n => new
            {
                n.TrackingNumber,
                status = text["Status_" + n.Status].Value,
                filed = PortalCulture.Date(n.FiledAt),
                n.DistanceMeters,
                n.Excerpt,
                n.Supporters,
                url = $"/lacak/{Uri.EscapeDataString(n.TrackingNumber)}#dukung",
            });
            return Results.Json(items);
        });

        app.MapGet("/akun/masuk", (string? kembali) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(kembali ?? "/akun/laporan-saya") },
                [OpenIdConnectDefaults.AuthenticationScheme]));

        app.MapPost("/akun/keluar", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
        });

        app.MapGet("/kinerja/unduh.csv", async (int? tahun, PlatformApi api, CancellationToken ct) =>
        {
            var ranking = await api.PublicRankingAsync(tahun, ct);
            var csv = new StringBuilder("unit_code,unit_name,year,ipp,category,category_label,rank,finalized_at\n");
            foreach (var s in ranking.Value?.Items ?? [])
            {
                csv.Append(Csv(s.UnitCode)).Append(',').Append(Csv(s.UnitName)).Append(',')
                    .Append(s.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Ipp.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                    .Append(Csv(s.Category)).Append(',').Append(Csv(s.CategoryLabel)).Append(',')
                    .Append(s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "").Append(',')
                    .Append(s.FinalizedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            }
            return ranking.Unavailable
                ? Results.Problem(statusCode: 503, title: "Service unavailable")
                : Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"kinerja-unit-{ranking.Value?.Year}.csv");
        });

        // The triage queue's exports: the same filters as the page, every page of the list, with the admin's own token.
        app.MapGet("/petugas/triase/unduh.csv", (HttpContext http, PlatformApi api, CancellationToken ct) => TriageExportAsync(http, api, excel: false, ct))
            .RequireAuthorization();
        app.MapGet("/petugas/triase/unduh.xlsx", (HttpContext http, PlatformApi api, CancellationToken ct) => TriageExportAsync(http, api, excel: true, ct))
            .RequireAuthorization();

        // A complaint's photo for its officers: fetched with the officer's own token (an <img> cannot carry it, and a
        // rahasia complaint's photos are not public); the service decides whether they may see it.
        app.MapGet("/petugas/foto/{id:guid}", async (Guid id, HttpContext http, PlatformApi api, CancellationToken ct) =>
        {
            if (!Officers.IsOfficer(http.User) && !Triage.IsAdmin(http.User))
            {
                return Results.Problem(statusCode: 403, title: "Forbidden");
            }
            if (await api.PhotoAsync(id, null, ct) is not { } photo)
            {
                return Results.Problem(statusCode: 404, title: "Not found");
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(photo.Content, photo.ContentType);
        }).RequireAuthorization();

        // Anything under /api that no service route took is an API 404, not a page.
        app.Map("/api/{**rest}", () => Results.Problem(statusCode: 404, title: "Not found"));
        return app;
    }

    private static async Task<IResult> TriageExportAsync(HttpContext http, PlatformApi api, bool excel, CancellationToken ct)
    {
        if (!Triage.IsAdmin(http.User))
        {
            return Results.Problem(statusCode: 403, title: "Forbidden");
        }
        var q = http.Request.Query;
        var filter = TriageFilter.Of(q["tab"], q["kategori"], q["kanal"], q["dari"], q["sampai"], q["unit"]);
        var now = DateTimeOffset.UtcNow;
        const int pageSize = 200;
        var items = new List<ComplaintSummary>();
        for (var page = 1; items.Count < Triage.ExportLimit; page++)
        {
            var result = await api.TriageComplaintsAsync(filter.ApiQuery(now, page, pageSize), ct);
            if (!result.Ok)
            {
                return Results.Problem(statusCode: result.Unavailable ? 503 : (int)result.Status, title: "The complaints service did not answer the list.");
            }
            items.AddRange(result.Value!.Items);
            if (page * pageSize >= result.Value.Total || result.Value.Items.Count == 0)
            {
                break;
            }
        }
        var categories = ((await api.CategoriesAsync(ct)).Value ?? []).ToDictionary(c => c.Code, c => c.Name);
        var rows = Triage.Rows(items, categories).ToList();
        var name = $"aduan-{filter.Tab}-{TimeZoneInfo.ConvertTime(now, PortalCulture.Zone(PortalCulture.DefaultTimeZone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return excel
            ? Results.File(await Triage.XlsxAsync(rows, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : Results.File(Triage.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    internal static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets.</summary>
    internal static string Csv(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@')
        {
            v = "'" + v;
        }
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
