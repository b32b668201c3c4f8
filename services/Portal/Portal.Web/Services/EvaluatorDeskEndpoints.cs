namespace Tinjau.Portal.Web.Services;

/// <summary>The evaluators' desk's one plain endpoint: the berita acara as a PDF download.</summary>
public static class EvaluatorDeskEndpoints
{
    public static IEndpointRouteBuilder MapEvaluatorDeskEndpoints(this IEndpointRouteBuilder app)
    {
        // The service answers with the signed-in user's token whether they may read this berita acara; the PDF is that
        // answer printed by chromium from the page's own sheet.
        app.MapGet("/evaluasi/{id:guid}/berita-acara.pdf", async (Guid id, PlatformApi api, BeritaAcaraPdf pdf, CancellationToken ct) =>
        {
            var page = $"/evaluasi/{id}/berita-acara";
            var view = await api.BeritaAcaraAsync(id, ct);
            if (view.IsNotFound)
            {
                return Results.NotFound();
            }
            if (!view.Ok)
            {
                return view.IsForbidden ? Results.Forbid() : Results.LocalRedirect(page + "?pdf=gagal");
            }
            var d = view.Value!.Document;
            var owners = await EvaluatorDesk.OwnerNamesAsync(api, d.Recommendations.Select(r => r.OwnerUnitId), ct);
            var bytes = await pdf.PdfAsync(await pdf.HtmlAsync(view.Value, owners), ct);
            return bytes is null
                ? Results.LocalRedirect(page + "?pdf=gagal")
                : Results.File(bytes, "application/pdf", $"berita-acara-{d.UnitCode}-{d.Year}.pdf");
        }).RequireAuthorization();
        return app;
    }
}
