using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class SurveyTests(PortalPlatformFixture platform)
{
    [Fact]
    public async Task An_SKM_survey_is_filled_on_a_phone_three_questions_a_screen()
    {
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations unitregistry");
        var kwitang = await platform.KwitangAsync();
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

        // Once the unit closes the survey its IKM and band are on the public scorecards, with the sample beside them.
        await platform.SendAsync(HttpMethod.Post, $"/api/skm/surveys/{survey.GetProperty("id").GetGuid()}/close", staff, new { });
        var scorecards = await platform.NewPageAsync(phone: true);
        await scorecards.GotoAsync("/kinerja?tahun=2026");
        var row = scorecards.Locator("tr", new() { HasText = "Surat keterangan domisili" }).First;
        await Assertions.Expect(row).ToContainTextAsync("1 dari minimal 217: sampel belum cukup");
        await Assertions.Expect(row).ToContainTextAsync(survey.GetProperty("period").GetString()!);
    }

    [Fact]
    public async Task An_F03_link_is_answered_on_a_phone_and_cannot_be_used_twice()
    {
        var evaluator = await platform.TokenAsync("evaluator@tinjau.local", "evaluations identity unitregistry");
        var subject = (await platform.SendAsync(HttpMethod.Get, "/api/identity/me", evaluator)).GetProperty("id").GetString()!;
        var kelurahan = (await platform.SendAsync(HttpMethod.Get, "/api/units?type=kelurahan&pageSize=100")).GetProperty("items")
            .EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        var cycle = await platform.SendAsync(HttpMethod.Post, "/api/evaluations/cycles", evaluator,
            new { year = 2026, name = $"PEKPPP portal {Guid.NewGuid():N}"[..30] }, expected: 201);
        var evaluation = await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/cycles/{cycle.GetProperty("id").GetGuid()}/units", evaluator, new
        {
            unitId = kelurahan[Random.Shared.Next(kelurahan.Count)],
            team = new object[] { new { subjectId = subject, name = "Tim Evaluator", role = "lead" } },
        }, expected: 201);
        var invitations = await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{evaluation.GetProperty("id").GetGuid()}/f03/invitations",
            evaluator, new { count = 1 });
        var token = invitations[0].GetProperty("token").GetString()!;

        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync($"/survei/f03/{token}");
        await page.InspectAsync("f03-1-360-id");
        for (var screen = 0; screen < 20 && !page.Url.Contains("terima-kasih", StringComparison.Ordinal); screen++)
        {
            var questions = page.Locator("fieldset.question");
            for (var i = 0; i < await questions.CountAsync(); i++)
            {
                await questions.Nth(i).Locator("label.choice").Nth(4).ClickAsync();
            }
            var send = page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" });
            if (await send.CountAsync() > 0)
            {
                await send.ClickAsync();
                await page.WaitForURLAsync("**/survei/terima-kasih");
            }
            else
            {
                var step = await page.InnerTextAsync(".progress");
                await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
                await Assertions.Expect(page.Locator(".progress")).Not.ToHaveTextAsync(step);
            }
        }
        Assert.Contains("terima-kasih", page.Url, StringComparison.Ordinal);

        // The same link again: the API answers 409, the page says the link was used.
        await page.GotoAsync($"/survei/f03/{token}");
        if (await page.Locator("fieldset.question").CountAsync() > 0)
        {
            for (var screen = 0; screen < 20 && await page.Locator("[data-notice]").CountAsync() == 0; screen++)
            {
                var questions = page.Locator("fieldset.question");
                for (var i = 0; i < await questions.CountAsync(); i++)
                {
                    await questions.Nth(i).Locator("label.choice").Nth(2).ClickAsync();
                }
                var send = page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" });
                await (await send.CountAsync() > 0 ? send : page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" })).ClickAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
        }
        await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("sudah dipakai");
        await page.InspectAsync("f03-dipakai-360-id");
    }
}
