using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// Kwitang's staff keep their unit's Ombudsman readiness checklist in the portal: an item ticked with a note is the
/// evaluations service's record afterwards, and the predicted zone beside it is the service's own; a citizen gets a
/// plain 403.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnitOmbudsmanTests(PortalPlatformFixture platform)
{
    private const string Item = "sk-pengelola";

    [Fact]
    public async Task Kwitang_staff_tick_a_checklist_item_with_its_evidence_and_the_service_keeps_it()
    {
        var kwitang = await platform.KwitangAsync();
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations");
        var note = $"SK Lurah Kwitang No. {Random.Shared.Next(100, 999)}/{Guid.NewGuid():N}"[..40];

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kesiapan penilaian Ombudsman" }).ClickAsync();
        await page.WaitForURLAsync("**/petugas/ombudsman");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kesiapan penilaian Ombudsman");
        await Assertions.Expect(page.Locator("[data-unit]")).ToContainTextAsync("Kwitang");
        await Assertions.Expect(page.Locator("[data-checklist] [data-item]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-readiness] [data-zone]")).ToBeVisibleAsync();

        await page.Locator($"#met-{Item}").CheckAsync();
        await page.FillAsync($"#note-{Item}", note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan daftar periksa" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Daftar periksa tersimpan.")).ToBeVisibleAsync();

        // The service holds what the page showed, and the page shows the service's count and prediction.
        var checklist = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/units/{kwitang}/checklist", staff);
        var item = checklist.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == Item);
        Assert.True(item.GetProperty("met").GetBoolean());
        Assert.Equal(note, item.GetProperty("note").GetString());
        var met = checklist.GetProperty("met").GetInt32();
        await Assertions.Expect(page.Locator($"[data-item=\"{Item}\"]")).ToHaveAttributeAsync("data-met", "true");
        await Assertions.Expect(page.Locator($"#note-{Item}")).ToHaveValueAsync(note);
        await Assertions.Expect(page.Locator("[data-checklist-met]")).ToContainTextAsync($"{met} dari 10 terpenuhi");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var readiness = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/units/{kwitang}/readiness?year={year}", staff);
        await Assertions.Expect(page.Locator("[data-readiness] [data-zone]")).ToHaveAttributeAsync("data-zone", readiness.GetProperty("zone").GetString()!);
        await Assertions.Expect(page.Locator("[data-readiness] [data-checklist-count]")).ToContainTextAsync($"{met} dari 10");
        await page.InspectAsync("petugas-ombudsman-360-id");

        // A reload keeps it; in English, on a desktop, the items read in English.
        var english = await platform.NewPageAsync(phone: false, language: "en");
        await english.SignInAsync("staff.kwitang@tinjau.local", "/petugas/ombudsman");
        await Assertions.Expect(english.Locator("h1")).ToHaveTextAsync("Ombudsman assessment readiness");
        await Assertions.Expect(english.Locator($"label[for=\"met-{Item}\"]")).ToHaveTextAsync("Decree appointing the complaint handlers");
        await Assertions.Expect(english.Locator($"#met-{Item}")).ToBeCheckedAsync();
        await Assertions.Expect(english.Locator($"#note-{Item}")).ToHaveValueAsync(note);
        await english.InspectAsync("petugas-ombudsman-1280-en");
    }

    [Fact]
    public async Task The_head_of_Senen_keeps_the_checklist_of_Kwitang_below_it_and_no_unit_outside_it()
    {
        const string item = "laporan-berkala";
        var kwitang = await platform.KwitangAsync();
        var senen = await platform.UnitIdAsync("31.71.04");
        var gambir = await platform.UnitIdAsync("31.71.01");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations");
        var note = $"Laporan triwulan Kwitang {Guid.NewGuid():N}"[..36];

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("head.senen@tinjau.local", "/petugas/ombudsman");
        await Assertions.Expect(page.Locator("[data-unit]")).ToContainTextAsync("Senen");
        var chooser = page.Locator("[data-unit-chooser] select");
        await Assertions.Expect(chooser.Locator($"option[value=\"{kwitang}\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(chooser.Locator($"option[value=\"{gambir}\"]")).ToHaveCountAsync(0);
        await chooser.SelectOptionAsync(kwitang.ToString());
        await page.Locator("[data-unit-chooser] button").ClickAsync();
        await page.WaitForURLAsync($"**/petugas/ombudsman?unit={kwitang}");
        await Assertions.Expect(page.Locator("[data-unit]")).ToContainTextAsync("Kwitang");
        await page.Locator($"#met-{item}").CheckAsync();
        await page.FillAsync($"#note-{item}", note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan daftar periksa" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Daftar periksa tersimpan.")).ToBeVisibleAsync();
        // Still Kwitang's page after the save, and Kwitang's record at the service, not Senen's.
        await Assertions.Expect(page.Locator("[data-unit]")).ToContainTextAsync("Kwitang");
        var kept = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/units/{kwitang}/checklist", staff))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == item);
        Assert.Equal(note, kept.GetProperty("note").GetString());
        var head = await platform.TokenAsync("head.senen@tinjau.local", "evaluations");
        var own = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/ombudsman/units/{senen}/checklist", head))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == item);
        Assert.NotEqual(note, own.GetProperty("note").GetString());

        // A unit outside Senen asked for by address: the head's own unit is shown instead.
        await page.GotoAsync($"/petugas/ombudsman?unit={gambir}");
        await Assertions.Expect(page.Locator("[data-unit]")).ToContainTextAsync("Senen");
    }

    [Fact]
    public async Task A_citizen_gets_a_plain_403_and_no_checklist()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("citizen@tinjau.local", "/akun/laporan-saya");
        var response = await page.GotoAsync("/petugas/ombudsman");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-checklist], [data-readiness]")).ToHaveCountAsync(0);
    }
}
