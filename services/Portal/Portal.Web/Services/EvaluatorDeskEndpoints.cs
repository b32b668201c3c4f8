using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tinjau.Portal.Web.Components;
using Tinjau.Portal.Web.Components.Shared;

namespace Tinjau.Portal.Web.Services;

/// <summary>The evaluators' desk's one plain endpoint: the berita acara as a PDF download.</summary>
public static class EvaluatorDeskEndpoints
{
    /// <summary>When to try the PDF again after a 503: chromium busy or restarting, or the evaluations service down.</summary>
    public const int RetryAfterSeconds = 30;

    public static IEndpointRouteBuilder MapEvaluatorDeskEndpoints(this IEndpointRouteBuilder app)
    {
        // The service answers with the signed-in user's token whether they may read this berita acara; the PDF is that
        // answer printed by chromium from the page's own sheet.
        app.MapGet("/evaluasi/{id:guid}/berita-acara.pdf", async (Guid id, HttpContext http, PlatformApi api, BeritaAcaraPdf pdf,
            IStringLocalizer<Strings> text, CancellationToken ct) =>
        {
            var view = await api.BeritaAcaraAsync(id, ct);
            if (view.IsNotFound)
            {
                return Results.NotFound();
            }
            if (view.Unavailable)
            {
                return Unavailable(http, id, text["ServiceDown"]);
            }
            if (!view.Ok)
            {
                return view.IsForbidden ? Results.Forbid() : Results.LocalRedirect($"/evaluasi/{id}/berita-acara?pdf=gagal");
            }
            var owners = await EvaluatorDesk.OwnerNamesAsync(api, view.Value!.Document.Recommendations.Select(r => r.OwnerUnitId), ct);
            return await DownloadAsync(http, id, view.Value, owners, pdf, text, ct);
        }).RequireAuthorization();
        return app;
    }

    /// <summary>The PDF as a download, or the 503 page when chromium cannot print it now.</summary>
    internal static async Task<IResult> DownloadAsync(HttpContext http, Guid id, BeritaAcaraView view, IReadOnlyDictionary<Guid, string> owners,
        BeritaAcaraPdf pdf, IStringLocalizer<Strings> text, CancellationToken ct)
    {
        var d = view.Document;
        return await pdf.RenderAsync(view, owners, ct) is { } bytes
            ? Results.File(bytes, "application/pdf", $"berita-acara-{d.UnitCode}-{d.Year}.pdf")
            : Unavailable(http, id, text["DeskBaPdfBusy"]);
    }

    /// <summary>A 503 with Retry-After as a portal page: one sentence and the way back to the printable berita acara.</summary>
    internal static RazorComponentResult<App> Unavailable(HttpContext http, Guid id, string sentence)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new RazorComponentResult<App>(new
        {
            Page = typeof(BeritaAcaraPdfUnavailable),
            PageParameters = new Dictionary<string, object>
            {
                [nameof(BeritaAcaraPdfUnavailable.Id)] = id,
                [nameof(BeritaAcaraPdfUnavailable.Sentence)] = sentence,
            },
        })
        {
            StatusCode = StatusCodes.Status503ServiceUnavailable,
        };
    }
}
