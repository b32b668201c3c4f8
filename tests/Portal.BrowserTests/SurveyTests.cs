using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class SurveyTests(PortalPlatformFixture platform)
{
    [Fact]
    public async Task An_SKM_survey_is_filled_on_a_phone_three_questions_a_screen()
    {
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations unitregistry");
        var kwitang = (await platform.SendAsync(HttpMethod.Get, "/api/units/by-code/31.71.04.1002")).GetProperty("id").GetGuid();
        var survey = await platform.SendAsync(HttpMethod.Post, "/api/skm/surveys", staff, new
        {
            unitId = kwitang,
            year = 2026,
            period = $"Semester II {Guid.NewGuid():N}"[..30],
            serviceName = "Surat keterangan domisili",
            population = 500,
        }, expected: 201);
        var slug = survey.GetProperty("publicLink").GetString()!.Split('/').Last();

        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync($"/survei/skm/{slug}");
        await Assertions.Expect(page.Locator("fieldset.question")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("fieldset.question legend").First).ToContainTextAsync("persyaratan pelayanan");
        await page.InspectAsync("skm-1-360-id");
        foreach (var answer in new[] { "Sesuai", "Mudah", "Cepat" })
        {
            await page.Locator("label.choice", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{answer}\\s*$") }).First.ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await Assertions.Expect(page.Locator(".progress")).ToContainTextAsync("Langkah 2 dari 3");

        // Next without answering: each question says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#U4-error")).ToContainTextAsync("Pilih salah satu jawaban");
        await page.InspectAsync("skm-2-galat-360-id");
        foreach (var answer in new[] { "Gratis", "Sesuai", "Kompeten" })
        {
            await page.Locator("label.choice", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{answer}\\s*$") }).First.ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await Assertions.Expect(page.Locator(".progress")).ToContainTextAsync("Langkah 3 dari 3");
        foreach (var answer in new[] { "Sopan dan ramah", "Baik", "Dikelola dengan baik" })
        {
            await page.Locator("label.choice", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{answer}\\s*$") }).First.ClickAsync();
        }
        await page.InspectAsync("skm-3-360-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await page.WaitForURLAsync("**/survei/terima-kasih");
        await page.InspectAsync("skm-terima-kasih-360-id");

        var results = await platform.SendAsync(HttpMethod.Get, $"/api/skm/surveys/{survey.GetProperty("id").GetGuid()}/results", staff);
        Assert.Equal(1, results.GetProperty("responses").GetInt32());
    }
}
