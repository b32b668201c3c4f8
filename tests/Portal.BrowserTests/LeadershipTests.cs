using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The leadership dashboard: a unit's new PEKPPP category appears on the map and in the ranking once its berita
/// acara is signed; the early-warning list is the evaluations service's own; the unit page drills down; unit staff
/// get none of it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LeadershipTests(PortalPlatformFixture platform)
{
    private const string KwitangCode = PortalPlatformFixture.KwitangCode;

    [Fact]
    public async Task Leadership_sees_the_units_new_category_on_the_map_and_drills_down_to_its_page()
    {
        // A year of its own: the ranking and the early warning of that year hold only what this test makes.
        var year = Random.Shared.Next(2040, 2100);
        var kwitang = await platform.KwitangAsync();

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("leadership@tinjau.local", $"/pimpinan?tahun={year}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dasbor pimpinan");
        await Assertions.Expect(page.Locator("[data-nav-lead]")).ToHaveTextAsync("Pimpinan");
        var pin = page.Locator($"[data-unit-map] [data-map-unit=\"{KwitangCode}\"]");
        await Assertions.Expect(pin).ToHaveAttributeAsync("data-category", "");
        await Assertions.Expect(page.Locator($"[data-ranked-unit=\"{KwitangCode}\"]")).ToHaveCountAsync(0);

        var (category, ipp) = await FinalizeAsync(kwitang, year);

        await page.ReloadAsync();
        await Assertions.Expect(pin).ToHaveAttributeAsync("data-category", category);
        await Assertions.Expect(pin).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(category)}!?$"));
        var ranked = page.Locator($"[data-ranked-unit=\"{KwitangCode}\"]");
        await Assertions.Expect(ranked.Locator("[data-category]")).ToHaveAttributeAsync("data-category", category);
        await Assertions.Expect(ranked).ToContainTextAsync(ipp.ToString("0.00", new System.Globalization.CultureInfo("id-ID")));
        await Assertions.Expect(page.Locator("[data-tile=ipp]")).ToContainTextAsync("dari 1 unit dengan hasil final");

        // The early-warning list is the service's, unit for unit, with the reasons in words.
        var token = await platform.TokenAsync("leadership@tinjau.local", "evaluations");
        var warning = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/early-warning?year={year}", token);
        var warned = warning.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetGuid().ToString()).ToList();
        var shown = await page.Locator("[data-warning-unit]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.warningUnit)");
        Assert.Equal(warned, shown);
        Assert.Contains(kwitang.ToString(), warned); // its year holds no complaint and no sidak: it is heading for red
        var item = page.Locator($"[data-warning-unit=\"{kwitang}\"]");
        await Assertions.Expect(item.Locator("[data-why]")).ToContainTextAsync("Belum ada sidak dengan skor kepatuhan tahun ini.");
        await Assertions.Expect(pin).ToHaveTextAsync($"{category}!");
        await page.InspectAsync("pimpinan-1280-id");

        // Drill-down: the scorecard with its aspects, the readiness as the service predicts it.
        await ranked.GetByRole(AriaRole.Link, new() { Name = "Kelurahan Kwitang" }).ClickAsync();
        await page.WaitForURLAsync($"**/pimpinan/unit/{kwitang}?tahun={year}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kelurahan Kwitang");
        await Assertions.Expect(page.Locator("[data-scorecard] [data-category]")).ToHaveAttributeAsync("data-category", category);
        await Assertions.Expect(page.Locator("[data-scorecard] [data-aspect]")).ToHaveCountAsync(6);
        var readiness = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/units/{kwitang}/readiness?year={year}", token);
        await Assertions.Expect(page.Locator("[data-readiness] [data-zone]"))
            .ToHaveAttributeAsync("data-zone", readiness.GetProperty("zone").GetString()!);
        await page.InspectAsync("pimpinan-unit-1280-id");

        var phone = await platform.NewPageAsync(phone: true, language: "en");
        await phone.SignInAsync("leadership@tinjau.local", $"/pimpinan?tahun={year}");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Leadership dashboard");
        await Assertions.Expect(phone.Locator($"[data-map-unit=\"{KwitangCode}\"]")).ToHaveAttributeAsync("data-category", category);
        await phone.InspectAsync("pimpinan-360-en");
    }

    [Fact]
    public async Task The_map_coloured_by_sidak_findings_and_by_SLA_shows_each_units_figures_as_the_service_has_them()
    {
        var kwitang = await platform.KwitangAsync();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var token = await platform.TokenAsync("leadership@tinjau.local", "evaluations");
        var before = await FiguresAsync(token, year, kwitang);
        // A sidak visit at Kwitang this year (one officer absent, a finding): its InspectionCompleted reaches the figures.
        await platform.SubmitSidakVisitAsync(kwitang);
        var visits = before is { } b ? b.GetProperty("sidakVisits").GetInt32() : 0;
        JsonElement figures = default;
        await Tinjau.Testing.Eventually.TrueAsync(async () =>
        {
            figures = await FiguresAsync(token, year, kwitang) ?? default;
            return figures.ValueKind == JsonValueKind.Object && figures.GetProperty("sidakVisits").GetInt32() > visits;
        }, TimeSpan.FromSeconds(60), "the visit in the evaluations service's figures");

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("leadership@tinjau.local", $"/pimpinan?tahun={year}");
        await page.SelectOptionAsync("#warna", "sidak");
        await page.Locator("[data-map-layer] button").ClickAsync();
        await page.WaitForURLAsync($"**/pimpinan?tahun={year}&warna=sidak*");
        await Assertions.Expect(page.Locator("h2#peta")).ToContainTextAsync("temuan sidak");
        var pin = page.Locator($"[data-unit-map] [data-map-unit=\"{KwitangCode}\"]");
        var findings = figures.GetProperty("sidakFindings").GetInt32();
        var high = figures.GetProperty("sidakFindingsHigh").GetInt32();
        await Assertions.Expect(pin).ToHaveTextAsync(new Regex($"^{findings}!?$"));
        await Assertions.Expect(pin).ToHaveAttributeAsync("data-band", findings == 0 ? "clear" : findings <= 2 && high == 0 ? "some" : "many");
        await Assertions.Expect(pin).ToHaveAttributeAsync("aria-label", new Regex($"{figures.GetProperty("sidakVisits").GetInt32()} kunjungan sidak, {findings} temuan"));
        await page.InspectAsync("pimpinan-sidak-1280-id");

        // The SLA layer: the share in whole percent, or "–" without a resolved complaint this year.
        await page.GotoAsync($"/pimpinan?tahun={year}&warna=sla");
        await Assertions.Expect(page.Locator("h2#peta")).ToContainTextAsync("dalam SLA");
        var share = figures.GetProperty("withinSlaShare");
        await Assertions.Expect(pin).ToHaveTextAsync(new Regex(share.ValueKind == JsonValueKind.Number
            ? $"^{Math.Round(share.GetDecimal() * 100, 0).ToString(CultureInfo.InvariantCulture)}!?$"
            : "^–!?$"));
    }

    private async Task<JsonElement?> FiguresAsync(string token, int year, Guid unit) =>
        (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/figures/units?year={year}", token)).EnumerateArray()
            .Cast<JsonElement?>().FirstOrDefault(f => f!.Value.GetProperty("unitId").GetGuid() == unit);

    [Fact]
    public async Task Unit_staff_get_a_plain_403_and_no_link_to_the_dashboard()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await Assertions.Expect(page.Locator("[data-nav-lead]")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/pimpinan", $"/pimpinan/unit/{Guid.NewGuid()}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("[data-role-only=lead]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-unit-map], [data-warning-unit], [data-ranked-unit]")).ToHaveCountAsync(0);
        }
        await page.InspectAsync("pimpinan-staf-403-360-id");
    }

    /// <summary>
    /// A PEKPPP evaluation of <paramref name="unit"/> in <paramref name="year"/> through the API, from the cycle to the
    /// head of unit's signature: the lead evaluator scores every indicator 4 (the unit self-assessed 4 too).
    /// </summary>
    private async Task<(string Category, decimal Ipp)> FinalizeAsync(Guid unit, int year)
    {
        var evaluator = await platform.TokenAsync("evaluator@tinjau.local", "evaluations identity");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations");
        var lurah = await platform.TokenAsync("lurah.kwitang@tinjau.local", "evaluations");
        var lead = (await platform.SendAsync(HttpMethod.Get, "/api/identity/me", evaluator)).GetProperty("id").GetString()!;
        var cycle = await platform.SendAsync(HttpMethod.Post, "/api/evaluations/cycles", evaluator,
            new { year, name = $"PEKPPP pimpinan {Guid.NewGuid():N}"[..28] }, expected: 201);
        var evaluation = await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/cycles/{cycle.GetProperty("id").GetGuid()}/units", evaluator,
            new { unitId = unit, team = new object[] { new { subjectId = lead, name = "Ketua Tim", role = "lead" } } }, expected: 201);
        var id = evaluation.GetProperty("id").GetGuid();
        var codes = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff)).GetProperty("aspects").EnumerateArray()
            .SelectMany(a => a.GetProperty("indicators").EnumerateArray()).Select(i => i.GetProperty("code").GetString()!).ToList();
        foreach (var code in codes)
        {
            await platform.SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f01/{code}", staff, new { selfScore = 4, note = $"Bukti {code}." });
        }
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f01/submit", staff);
        foreach (var code in codes)
        {
            await platform.SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f02/{code}", evaluator, new { score = 4, notes = "Sesuai dokumen F01." });
        }
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f02/complete", evaluator);
        var sha = (await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara", evaluator)).GetProperty("sha256").GetString()!;
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", evaluator, new { @as = "lead", documentSha256 = sha });
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", lurah, new { @as = "head-of-unit", documentSha256 = sha });
        var final = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}", evaluator);
        Assert.Equal("finalized", final.GetProperty("status").GetString());
        return (final.GetProperty("finalCategory").GetString()!, final.GetProperty("finalIpp").GetDecimal());
    }
}
