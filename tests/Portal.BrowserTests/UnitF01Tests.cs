using System.Text;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// Kwitang's staff answer their unit's PEKPPP F01 in the portal — a self-score by the rubric, a link and an uploaded
/// document — and send it; the evaluations service holds what the page showed, and the form locks.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnitF01Tests(PortalPlatformFixture platform)
{
    [Fact]
    public async Task Kwitang_staff_answer_an_indicator_with_evidence_and_send_F01_once_every_indicator_is_answered()
    {
        var year = Random.Shared.Next(2040, 2100);
        var kwitang = await platform.KwitangAsync();
        var evaluator = await platform.TokenAsync("evaluator@tinjau.local", "evaluations identity");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations");
        var lead = (await platform.SendAsync(HttpMethod.Get, "/api/identity/me", evaluator)).GetProperty("id").GetString()!;
        var cycle = await platform.SendAsync(HttpMethod.Post, "/api/evaluations/cycles", evaluator,
            new { year, name = $"PEKPPP F01 {Guid.NewGuid():N}"[..24] }, expected: 201);
        var id = (await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/cycles/{cycle.GetProperty("id").GetGuid()}/units", evaluator,
            new { unitId = kwitang, team = new object[] { new { subjectId = lead, name = "Ketua Tim", role = "lead" } } }, expected: 201))
            .GetProperty("id").GetGuid();
        var codes = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff)).GetProperty("aspects").EnumerateArray()
            .SelectMany(a => a.GetProperty("indicators").EnumerateArray()).Select(i => i.GetProperty("code").GetString()!).ToList();
        var first = codes[0];

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await page.GetByRole(AriaRole.Link, new() { Name = "Penilaian mandiri PEKPPP (F01)" }).ClickAsync();
        await page.WaitForURLAsync("**/petugas/f01");
        await page.Locator($"[data-f01-evaluation=\"{id}\"] a").ClickAsync();
        await page.WaitForURLAsync($"**/petugas/f01/{id}");
        await Assertions.Expect(page.Locator("[data-answered=true]")).ToHaveCountAsync(0);

        // Sending with nothing answered is refused in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim F01 ke evaluator" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Masih ada {codes.Count} indikator yang belum diisi.")).ToBeVisibleAsync();
        await page.InspectAsync("petugas-f01-360-id");

        // The first indicator: no score is refused beside the rubric; then a score, a link and a PDF.
        await page.Locator($"[data-indicator=\"{first}\"] a").ClickAsync();
        await page.WaitForURLAsync($"**/petugas/f01/{id}/{first}");
        await page.FillAsync("#links", "kwitang.example/bukti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan jawaban" }).ClickAsync();
        await Assertions.Expect(page.Locator("#selfScore-error")).ToContainTextAsync("Pilih nilai mandiri");
        await Assertions.Expect(page.Locator("#links")).ToHaveValueAsync("kwitang.example/bukti");
        await page.Locator("#score-4").CheckAsync();
        await page.FillAsync("#note", "SK standar pelayanan ditetapkan Januari.");
        await page.FillAsync("#links", "https://kwitang.example.go.id/sk-standar SK Standar Pelayanan");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "sk-standar.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% SK Standar Pelayanan Kelurahan Kwitang\n%%EOF\n"),
        });
        await page.InspectAsync("petugas-f01-indikator-360-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan jawaban" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Jawaban tersimpan: nilai mandiri 4.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-document]")).ToContainTextAsync("sk-standar.pdf");

        var f01 = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff);
        var answered = f01.GetProperty("aspects")[0].GetProperty("indicators")[0];
        Assert.Equal(4, answered.GetProperty("selfScore").GetInt32());
        Assert.Equal("https://kwitang.example.go.id/sk-standar", answered.GetProperty("links")[0].GetProperty("url").GetString());
        Assert.Equal("SK Standar Pelayanan", answered.GetProperty("links")[0].GetProperty("title").GetString());
        Assert.Equal("sk-standar.pdf", Assert.Single(answered.GetProperty("documents").EnumerateArray()).GetProperty("fileName").GetString());

        // The other indicators through the API; then the page sends F01 and locks it.
        foreach (var code in codes.Skip(1))
        {
            await platform.SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f01/{code}", staff, new { selfScore = 3 });
        }
        await page.GotoAsync($"/petugas/f01/{id}");
        await Assertions.Expect(page.Locator("[data-answered=true]")).ToHaveCountAsync(codes.Count);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim F01 ke evaluator" }).ClickAsync();
        await Assertions.Expect(page.GetByText("F01 terkirim ke tim evaluator.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "submitted");
        Assert.Equal("submitted", (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}", evaluator)).GetProperty("status").GetString());
        await page.GotoAsync($"/petugas/f01/{id}/{first}");
        await Assertions.Expect(page.Locator("[data-locked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simpan jawaban" })).ToHaveCountAsync(0);
    }
}
