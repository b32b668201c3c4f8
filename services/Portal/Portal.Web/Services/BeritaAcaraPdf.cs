using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Tinjau.Portal.Web.Components.Shared;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The berita acara as a PDF, made from the same HTML the page shows (<see cref="BeritaAcaraSheet"/>) by a real
/// renderer: headless chromium (Debian's, <see cref="PortalOptions.ChromiumPath"/>) driven by Playwright, printing A4 with
/// the sheet's print styles. One PDF at a time: a browser is heavy on a small machine. Scoped: Blazor's
/// <see cref="HtmlRenderer"/> needs the request's services (some of its own are scoped), not the root provider.
/// </summary>
public sealed class BeritaAcaraPdf(IServiceProvider services, ILoggerFactory loggers, IOptions<PortalOptions> options, ILogger<BeritaAcaraPdf> logger)
{
    private static readonly SemaphoreSlim One = new(1, 1);

    /// <summary>A4 with margins; the sheet's own layout, shared by the page (<c>@media print</c>) and the PDF.</summary>
    public const string Css = """
        .ba-sheet { font-family: "DejaVu Serif", "Noto Serif", Georgia, serif; color: #000; background: #fff; line-height: 1.35; font-size: 11pt; }
        .ba-head { text-align: center; border-bottom: 2px solid #000; margin-bottom: 1em; padding-bottom: .5em; }
        .ba-kop { margin: 0; font-weight: 700; letter-spacing: .04em; }
        .ba-title { font-size: 14pt; margin: .4em 0 .2em; }
        .ba-number { margin: 0; }
        .ba-sheet h3 { font-size: 12pt; margin: 1.1em 0 .4em; }
        .ba-sheet h4 { font-size: 11pt; margin: .9em 0 .3em; }
        .ba-facts th { text-align: left; padding-right: 1em; font-weight: 600; vertical-align: top; }
        .ba-table { border-collapse: collapse; width: 100%; }
        .ba-table th, .ba-table td { border: 1px solid #444; padding: .2em .35em; font-size: 9.5pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        .ba-table thead th { background: #eee; }
        .ba-aspect { break-inside: auto; }
        .ba-table tr { break-inside: avoid; }
        .ba-signatures td { height: 2.6em; }
        .ba-hash { font-size: 8pt; overflow-wrap: anywhere; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { background: #fff; margin: 0; }
          .site-header, .site-footer, .skip-link, .no-print { display: none !important; }
          .site-main { max-width: none; padding: 0; }
          .section { border: 0 !important; padding: 0 !important; }
        }
        """;

    /// <summary>The sheet alone as a whole HTML document, in the language of the request.</summary>
    public async Task<string> HtmlAsync(BeritaAcaraView view, IReadOnlyDictionary<Guid, string> owners)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<BeritaAcaraSheet>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(BeritaAcaraSheet.View)] = view,
                [nameof(BeritaAcaraSheet.Owners)] = owners,
            }));
            return output.ToHtmlString();
        });
        return $"<!DOCTYPE html><html lang=\"{(PortalCulture.IsEnglish ? "en" : "id")}\"><head><meta charset=\"utf-8\">"
               + $"<title>{WebUtility.HtmlEncode(view.Document.Number)}</title><style>{Css}</style></head><body>{body}</body></html>";
    }

    /// <summary>
    /// The berita acara as chromium prints it, or null (logged) when it cannot be made now: chromium missing, failing
    /// or busy past <see cref="Wait"/>. The download then answers 503 with Retry-After, never a 500.
    /// </summary>
    public async Task<byte[]?> RenderAsync(BeritaAcaraView view, IReadOnlyDictionary<Guid, string> owners, CancellationToken ct)
    {
        try
        {
            return await PdfAsync(await HtmlAsync(view, owners), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "The berita acara {Number} could not be printed to PDF with {Chromium}", view.Document.Number, options.Value.ChromiumPath);
            return null;
        }
    }

    /// <summary>How long a download waits for chromium, for the PDF before it and for its own printing.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The PDF of <paramref name="html"/> as chromium prints it.</summary>
    public async Task<byte[]> PdfAsync(string html, CancellationToken ct)
    {
        if (!await One.WaitAsync(Wait, ct))
        {
            throw new TimeoutException($"Another berita acara was still printing after {Wait.TotalSeconds} s.");
        }
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Timeout = (float)Wait.TotalMilliseconds,
                // No sandbox: the portal may run as root (a container, CI), where chromium refuses its sandbox. It only
                // ever loads the sheet below, with scripts off and every request aborted. /dev/shm is small in containers.
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
            page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
            // The sheet is self-contained: nothing to load, so no request leaves the browser.
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html);
            return await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        }
        finally
        {
            One.Release();
        }
    }
}
