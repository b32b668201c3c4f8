using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tinjau.Portal.Web.Services;
using UglyToad.PdfPig;

namespace Tinjau.Portal.BrowserTests;

/// <summary>The berita acara sheet printed to PDF by Debian's chromium, without the platform: the renderer alone.</summary>
public sealed class BeritaAcaraPdfTests
{
    [Fact]
    public async Task The_sheet_prints_to_an_A4_PDF_whose_text_holds_the_unit_and_its_scores()
    {
        await using var services = Services(new PortalOptions());
        await using var request = services.CreateAsyncScope();
        var renderer = request.ServiceProvider.GetRequiredService<BeritaAcaraPdf>();
        var unit = Guid.NewGuid();

        var html = await renderer.HtmlAsync(View(unit), new Dictionary<Guid, string> { [unit] = "Kelurahan Kwitang" });
        Assert.Contains("Kelurahan Kwitang", html, StringComparison.Ordinal);
        var bytes = await renderer.PdfAsync(html, CancellationToken.None);

        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Equal(595, Math.Round(page.Width)); // A4: 210 mm = 595 pt
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Kelurahan Kwitang", text, StringComparison.Ordinal);
        Assert.Contains("Libatkan masyarakat", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chromium_that_cannot_start_gives_no_PDF_instead_of_an_exception()
    {
        await using var services = Services(new PortalOptions { ChromiumPath = "/nonexistent/chromium" });
        await using var request = services.CreateAsyncScope();
        var unit = Guid.NewGuid();

        var bytes = await request.ServiceProvider.GetRequiredService<BeritaAcaraPdf>().RenderAsync(View(unit), new Dictionary<Guid, string>(), CancellationToken.None);

        Assert.Null(bytes);
    }

    /// <summary>
    /// The renderer registered as the portal registers it (scoped) and taken from a request's scope, in a provider that
    /// checks scopes as the portal's does in Development.
    /// </summary>
    private static ServiceProvider Services(PortalOptions options)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(Options.Create(options));
        services.AddScoped<BeritaAcaraPdf>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A berita acara of Kelurahan Kwitang as the service answers it.</summary>
    internal static BeritaAcaraView View(Guid unit)
    {
        var document = new BeritaAcaraDocument("BA/PEKPPP/2026/31.71.04.1002/1a2b3c4d", Guid.NewGuid(), unit, "31.71.04.1002", "Kelurahan Kwitang",
            2026, false, "PEKPPP v1", DateTimeOffset.UtcNow, 4.14m, "A-", "Sangat Baik", 4.05m, 5m, 10, true, 0.1m,
            [new BeritaAcaraAspect("kebijakan", "Kebijakan pelayanan", 0.24m, 4.2m,
                [new BeritaAcaraIndicator("K1", "Standar pelayanan", 4, 4, 5, 5, "Sesuai bukti", "Loket buka 08.00", "Monev berkala")])],
            [new BeritaAcaraRecommendation(Guid.NewGuid(), "kebijakan", "Libatkan masyarakat dalam penyusunan standar", unit, new DateOnly(2026, 12, 9))],
            [new TeamMember("lead-1", "Ketua Tim", "lead")], 4.0480m);
        return new BeritaAcaraView(document, new string('a', 64), [], [new RequiredSignature("lead", "lead-1", "Ketua Tim", false, true),
            new RequiredSignature("head-of-unit", null, null, false, false)], false, []);
    }
}
