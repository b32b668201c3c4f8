using System.Text.Json;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The sidak checklist's versions published from the field app's pages: a refused item named beside its field with
/// nothing published, an item added in one version and removed in the next (so the checklist other journeys use ends
/// as it began), leadership reading without a form and Kwitang's staff refused.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SidakChecklistTests(PortalPlatformFixture platform)
{
    private const string Code = "sidak-pelayanan";

    [Fact]
    public async Task The_satgas_publishes_a_version_with_a_new_item_then_one_without_it_and_a_refused_item_publishes_nothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var token = await platform.TokenAsync("satgas@tinjau.local", "inspections");
        var before = await LatestAsync(token);
        var version = before.GetProperty("version").GetInt32();

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("satgas@tinjau.local", "/sidak");
        await page.Locator("[data-checklists-link]").ClickAsync();
        await page.WaitForURLAsync("**/sidak/daftar-periksa");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Daftar periksa sidak");
        var section = page.Locator($"[data-checklist=\"{Code}\"]");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(section.Locator("li[data-item]")).ToHaveCountAsync(before.GetProperty("items").GetArrayLength());

        // A code that is not kebab-case: the sentence beside the field, what was typed kept, nothing published.
        var text = $"Papan informasi pengaduan {suffix}";
        await page.FillAsync($"#{Code}-add-0-code", "Papan Info");
        await page.FillAsync($"#{Code}-add-0-text", text);
        await section.Locator("[data-publish-button]").ClickAsync();
        await Assertions.Expect(page.Locator("#add-0-code-error")).ToContainTextAsync("huruf kecil");
        await Assertions.Expect(page.Locator("#add-0-code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#add-0-text")).ToHaveValueAsync(text);
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        Assert.Equal(version, (await LatestAsync(token)).GetProperty("version").GetInt32());

        // Corrected: version + 1 carries the item in both languages, as the service has it.
        var itemCode = $"papan-info-{suffix}";
        await page.FillAsync("#add-0-code", itemCode);
        await page.FillAsync("#add-0-textEn", $"Complaints information board {suffix}");
        await section.Locator("[data-publish-button]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]").Filter(new() { HasText = $"Versi {version + 1} diterbitkan" })).ToBeVisibleAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("data-version", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(section.Locator($"li[data-item=\"{itemCode}\"]")).ToContainTextAsync(text);
        var published = await LatestAsync(token);
        Assert.Equal(version + 1, published.GetProperty("version").GetInt32());
        var added = published.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == itemCode);
        Assert.Equal(text, added.GetProperty("text").GetString());
        Assert.Equal($"Complaints information board {suffix}", added.GetProperty("textEn").GetString());
        await page.InspectAsync("sidak-daftar-periksa-360-id");

        // Removed in the next version: the item set is the one the run began with.
        await page.CheckAsync($"#hapus-{Code}-{itemCode}");
        await section.Locator("[data-publish-button]").ClickAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("data-version", (version + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(section.Locator($"li[data-item=\"{itemCode}\"]")).ToHaveCountAsync(0);
        var after = await LatestAsync(token);
        Assert.Equal(version + 2, after.GetProperty("version").GetInt32());
        Assert.Equal(Codes(before), Codes(after));
        // The earlier version stays on record, the item in it.
        var kept = await platform.SendAsync(HttpMethod.Get, $"/api/inspections/checklists/{Code}/versions/{version + 1}", token);
        Assert.Contains(itemCode, Codes(kept));
    }

    [Fact]
    public async Task Leadership_reads_the_checklists_in_English_without_a_form_and_Kwitang_staff_get_a_403()
    {
        var lead = await platform.NewPageAsync(phone: false, language: "en");
        await lead.SignInAsync("leadership@tinjau.local", "/sidak/daftar-periksa");
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Inspection checklists");
        var section = lead.Locator($"[data-checklist=\"{Code}\"]");
        await Assertions.Expect(section.Locator("li[data-item=\"office-open\"]")).ToHaveTextAsync("Office open during service hours");
        await Assertions.Expect(lead.Locator("form[data-publish]")).ToHaveCountAsync(0);
        await lead.InspectAsync("sidak-daftar-periksa-1280-en");

        var staff = await platform.NewPageAsync(phone: true);
        await staff.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        var response = await staff.GotoAsync("/sidak/daftar-periksa");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(staff.Locator("[data-role-only=sidak]")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("[data-checklist], form[data-publish]")).ToHaveCountAsync(0);
    }

    private async Task<JsonElement> LatestAsync(string token) =>
        (await platform.SendAsync(HttpMethod.Get, "/api/inspections/checklists", token)).EnumerateArray().Single(c => c.GetProperty("code").GetString() == Code);

    private static List<string> Codes(JsonElement checklist) =>
        [.. checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
}
