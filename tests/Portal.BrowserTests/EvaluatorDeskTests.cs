using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using MudBlazor.Services;
using Tinjau.Portal.Web;
using Tinjau.Portal.Web.Services;
using UglyToad.PdfPig;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The evaluators' PEKPPP desk: F02 scored against the platform's sidak evidence (one suggestion accepted, one
/// overridden with a reason), F02 completed, F03 links, the index, recommendations, the berita acara signed in order —
/// the head of Kelurahan Kwitang last, in the portal — and its PDF printed by chromium.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluatorDeskTests(PortalPlatformFixture platform)
{
    private static readonly TimeSpan EvidenceDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_evaluator_scores_F02_with_the_evidence_and_the_head_of_unit_signs_the_berita_acara_last_and_downloads_its_PDF()
    {
        var year = DateTimeOffset.UtcNow.Year;
        var evaluator = await platform.TokenAsync("evaluator@tinjau.local", "evaluations identity unitregistry");
        var admin = await platform.TokenAsync("admin@tinjau.local", "evaluations identity unitregistry");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "evaluations");
        var lurah = await platform.TokenAsync("lurah.kwitang@tinjau.local", "evaluations");
        string Subject(JsonElement me) => me.GetProperty("id").GetString()!;
        var lead = Subject(await platform.SendAsync(HttpMethod.Get, "/api/identity/me", evaluator));
        var member = Subject(await platform.SendAsync(HttpMethod.Get, "/api/identity/me", admin));
        var kwitang = await platform.KwitangAsync();

        // A sidak visit at Kwitang gives the platform evidence (staff attendance, facilities) behind P3 and S1–S4.
        await platform.SubmitSidakVisitAsync(kwitang);

        // The stages before F02 through the API: the cycle, the lokus with its team, F01 filled and submitted by the unit.
        var cycle = await platform.SendAsync(HttpMethod.Post, "/api/evaluations/cycles", evaluator,
            new { year, name = $"PEKPPP meja {Guid.NewGuid():N}"[..24] }, expected: 201);
        var cycleId = cycle.GetProperty("id").GetGuid();
        var evaluation = await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/cycles/{cycleId}/units", evaluator, new
        {
            unitId = kwitang,
            team = new object[]
            {
                new { subjectId = member, name = "Anggota Tim", role = "member" },
                // the lead also verifies (a person is in a team once)
                new { subjectId = lead, name = "Ketua Tim", role = "lead" },
            },
        }, expected: 201);
        var id = evaluation.GetProperty("id").GetGuid();
        var codes = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f01", staff)).GetProperty("aspects").EnumerateArray()
            .SelectMany(a => a.GetProperty("indicators").EnumerateArray()).Select(i => i.GetProperty("code").GetString()!).ToList();
        foreach (var code in codes)
        {
            await platform.SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f01/{code}", staff, new
            {
                selfScore = 4,
                note = $"Bukti {code} terlampir.",
                links = code == "P3" ? new[] { new { url = "https://kwitang.example.go.id/absensi", title = "Rekap absensi" } } : null,
            });
        }
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/f01/submit", staff);
        // The sidak's InspectionCompleted reaches the evaluations service through the outbox and RabbitMQ.
        await Tinjau.Testing.Eventually.TrueAsync(async () =>
        {
            var f02 = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f02", evaluator);
            return f02.GetProperty("aspects").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray())
                .Where(i => i.GetProperty("code").GetString() is "P3" or "S1")
                .All(i => i.GetProperty("suggestedBand").ValueKind == JsonValueKind.Object);
        }, EvidenceDeadline, "the sidak evidence to suggest bands for P3 and S1");
        foreach (var code in codes.Where(c => c is not ("P3" or "S1")))
        {
            await platform.SendAsync(HttpMethod.Put, $"/api/evaluations/{id}/f02/{code}", evaluator, new { score = 4, notes = "Sesuai dokumen F01." });
        }

        // The board: Kwitang in its cycle at F02.
        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("evaluator@tinjau.local", "/evaluasi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Papan evaluasi PEKPPP");
        await Assertions.Expect(page.Locator("[data-nav-desk]")).ToHaveTextAsync("Evaluasi");
        var row = page.Locator($"[data-cycle=\"{cycleId}\"] [data-board-unit=\"31.71.04.1002\"]");
        await Assertions.Expect(row.Locator("[data-stage=f01]")).ToHaveAttributeAsync("data-state", "done");
        await Assertions.Expect(row.Locator("[data-stage=f02]")).ToHaveAttributeAsync("data-state", "current");
        await Assertions.Expect(row.Locator("[data-stage=f02]")).ToContainTextAsync("Berjalan");
        await page.InspectAsync("evaluasi-papan-1280-id");

        // P3: the unit's F01 answer, the rubric, the sidak evidence with its band; a score inside the band accepts it.
        await row.GetByRole(AriaRole.Link, new() { Name = "Kelurahan Kwitang" }).ClickAsync();
        await page.WaitForURLAsync($"**/evaluasi/{id}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^P3 ") }).ClickAsync();
        await page.WaitForURLAsync($"**/evaluasi/{id}/f02/P3");
        await Assertions.Expect(page.Locator("[data-f01]")).ToContainTextAsync("Bukti P3 terlampir.");
        await Assertions.Expect(page.Locator("[data-f01]")).ToContainTextAsync("Rekap absensi");
        var evidence = page.Locator("[data-evidence=sidak-staff]");
        await Assertions.Expect(evidence).ToBeVisibleAsync();
        await Assertions.Expect(evidence).ToContainTextAsync("Kunjungan sidak");
        var band = (await page.Locator("[data-suggested-band]").GetAttributeAsync("data-suggested-band"))!;
        Assert.Matches(@"^\d(–\d)?$", band);
        var inside = int.Parse(band[^1..], System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator($"input[name='Score.Value'][value='{inside}']").CheckAsync();
        await page.FillAsync("#fieldObservation", "Daftar hadir di loket diperiksa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan nilai" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Nilai {inside} tersimpan: saran platform diterima.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "accepted");
        await page.InspectAsync("evaluasi-f02-1280-id");

        // S1: a score outside the band without a reason is refused beside the notes; with the reason it is recorded as overridden.
        await page.GotoAsync($"/evaluasi/{id}/f02/S1");
        var s1Band = (await page.Locator("[data-suggested-band]").GetAttributeAsync("data-suggested-band"))!;
        var outside = s1Band.StartsWith('0') ? 5 : 0;
        await page.Locator($"input[name='Score.Value'][value='{outside}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan nilai" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notes-error")).ToContainTextAsync("tulis alasannya");
        await Assertions.Expect(page.Locator("#notes")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator($"input[name='Score.Value'][value='{outside}']")).ToBeCheckedAsync();
        await page.InspectAsync("evaluasi-f02-galat-1280-id");
        await page.FillAsync("#notes", "Ruang tunggu baru direnovasi setelah sidak; observasi lapangan berbeda dari daftar periksa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan nilai" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "overridden");
        var s1 = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/f02", evaluator)).GetProperty("aspects").EnumerateArray()
            .SelectMany(a => a.GetProperty("indicators").EnumerateArray()).Single(i => i.GetProperty("code").GetString() == "S1");
        Assert.Equal(outside, s1.GetProperty("evaluatorScore").GetInt32());
        Assert.Equal("overridden", s1.GetProperty("suggestionDecision").GetProperty("decision").GetString());
        Assert.StartsWith("Ruang tunggu baru", s1.GetProperty("evaluatorNote").GetString(), StringComparison.Ordinal);

        // F02 completed on the overview, which shows the index with its aspects.
        await page.GotoAsync($"/evaluasi/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Selesaikan F02 dan buka verifikasi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("F02 selesai. Verifikasi dibuka.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-evaluation-status]")).ToHaveAttributeAsync("data-evaluation-status", "verification");
        await Assertions.Expect(page.Locator("[data-aspects] tbody tr")).ToHaveCountAsync(6);
        await page.InspectAsync("evaluasi-ringkasan-1280-id");

        // The verifier layer on K1, by the lead.
        await page.GotoAsync($"/evaluasi/{id}/f02/K1");
        await page.SelectOptionAsync("#verifyScore", "5");
        await page.FillAsync("#reason", "SK standar pelayanan ditunjukkan saat verifikasi.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan verifikasi" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-verifier-score]")).ToContainTextAsync("5 — SK standar pelayanan");

        // F03: links made (shown once, as the portal's survey pages), one answered, the count returned.
        await page.GotoAsync($"/evaluasi/{id}/f03");
        await page.FillAsync("#count", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat tautan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-f03-links] a")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-f03-invitations]")).ToHaveTextAsync("3");
        await page.InspectAsync("evaluasi-f03-1280-id");
        var f03Link = new Uri((await page.Locator("[data-f03-links] a").First.GetAttributeAsync("href"))!);
        Assert.StartsWith("/survei/f03/", f03Link.AbsolutePath, StringComparison.Ordinal);
        var token = f03Link.AbsolutePath["/survei/f03/".Length..];
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/f03/{token}",
            json: new { answers = Enumerable.Range(1, 8).ToDictionary(n => $"Q{n}", _ => 5) }, expected: 201);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-f03-respondents]")).ToContainTextAsync("1 dari minimal");

        // A recommendation already past its due date is marked overdue (not by colour alone).
        await page.GotoAsync($"/evaluasi/{id}/rekomendasi");
        await page.FillAsync("#text", "Pasang papan standar pelayanan di ruang tunggu.");
        await page.SelectOptionAsync("#aspectCode", "sarana-prasarana");
        await page.FillAsync("#dueOn", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rekomendasi ditambahkan.")).ToBeVisibleAsync();
        var recommendation = page.Locator("[data-recommendation]", new() { HasText = "Pasang papan standar pelayanan" });
        await Assertions.Expect(recommendation.Locator("[data-overdue]")).ToContainTextAsync("Lewat batas");
        await Assertions.Expect(recommendation).ToContainTextAsync("Kelurahan Kwitang");
        await page.InspectAsync("evaluasi-rekomendasi-1280-id");

        // The berita acara: generated; the member signs first, so the lead has no button yet.
        await page.GotoAsync($"/evaluasi/{id}/berita-acara");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat berita acara" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-sheet-unit]")).ToContainTextAsync("Kelurahan Kwitang");
        await Assertions.Expect(page.Locator("[data-signer=member]")).ToHaveAttributeAsync("data-state", "turn");
        await Assertions.Expect(page.Locator("[data-sign]")).ToHaveCountAsync(0);
        var sha = (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/berita-acara", admin)).GetProperty("sha256").GetString()!;
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", lurah, new { @as = "head-of-unit", documentSha256 = sha },
            expected: 409);
        await platform.SendAsync(HttpMethod.Post, $"/api/evaluations/{id}/berita-acara/sign", admin, new { @as = "member", documentSha256 = sha });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-signer=lead]")).ToHaveAttributeAsync("data-state", "turn");
        await page.InspectAsync("evaluasi-berita-acara-1280-id");
        await page.Locator("[data-sign=lead]").ClickAsync();
        await Assertions.Expect(page.GetByText("Tanda tangan tercatat.", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-signer=head-of-unit]")).ToHaveAttributeAsync("data-state", "turn");
        await Assertions.Expect(page.Locator("[data-sign]")).ToHaveCountAsync(0);

        // The head of Kelurahan Kwitang, on a phone, signs last; the evaluation is final.
        var head = await platform.NewPageAsync(phone: true);
        await head.SignInAsync("lurah.kwitang@tinjau.local", $"/evaluasi/{id}/berita-acara");
        await Assertions.Expect(head.Locator("[data-signer=head-of-unit]")).ToHaveAttributeAsync("data-state", "turn");
        await head.InspectAsync("evaluasi-berita-acara-kepala-360-id");
        await head.Locator("[data-sign=head-of-unit]").ClickAsync();
        await Assertions.Expect(head.GetByText("Berita acara lengkap dan hasil evaluasi final", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(head.Locator("[data-signer=head-of-unit]")).ToHaveAttributeAsync("data-state", "signed");
        await Assertions.Expect(head.Locator("[data-sign]")).ToHaveCountAsync(0);

        // The head tracks the recommendation to done: started, then reported done with its evidence (required).
        await head.GotoAsync($"/evaluasi/{id}/rekomendasi");
        var own = head.Locator("[data-recommendation]", new() { HasText = "Pasang papan standar pelayanan" });
        await own.GetByRole(AriaRole.Button, new() { Name = "Mulai kerjakan" }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-recommendation]", new() { HasText = "Pasang papan standar pelayanan" })
            .Locator("[data-recommendation-status]")).ToHaveAttributeAsync("data-recommendation-status", "in-progress");
        await own.GetByRole(AriaRole.Button, new() { Name = "Laporkan selesai" }).ClickAsync();
        await Assertions.Expect(head.Locator(".field-error").First).ToContainTextAsync("Tulis bukti penyelesaian");
        await own.Locator("textarea").FillAsync("Papan standar pelayanan terpasang di ruang tunggu sejak pekan ini (foto di arsip kelurahan).");
        await own.GetByRole(AriaRole.Button, new() { Name = "Laporkan selesai" }).ClickAsync();
        await Assertions.Expect(head.GetByText("Rekomendasi dilaporkan selesai.")).ToBeVisibleAsync();
        await Assertions.Expect(own.Locator("[data-recommendation-status]")).ToHaveAttributeAsync("data-recommendation-status", "done");
        var recs = await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}/recommendations", lurah);
        var done = recs.EnumerateArray().Single(r => r.GetProperty("text").GetString()!.StartsWith("Pasang papan standar pelayanan", StringComparison.Ordinal));
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Contains("Papan standar pelayanan terpasang", done.GetProperty("doneEvidence").GetString());
        await head.GotoAsync($"/evaluasi/{id}/berita-acara");
        Assert.Equal("finalized", (await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/{id}", evaluator)).GetProperty("status").GetString());
        await head.EmulateMediaAsync(new() { Media = Media.Print });
        await head.ScreenshotAsync("evaluasi-berita-acara-cetak");
        await head.EmulateMediaAsync(new() { Media = Media.Screen });

        // The PDF: printed by chromium from the page's sheet, a download with the unit's name in its text.
        var link = head.Locator("[data-pdf]");
        await Assertions.Expect(link).ToHaveAttributeAsync("download", "");
        // The link's own download, with the head's sign-in: printed by the portal's chromium from the page's sheet.
        var download = await head.RunAndWaitForDownloadAsync(() => link.ClickAsync(), new() { Timeout = 60_000 });
        Assert.Equal($"berita-acara-31.71.04.1002-{year}.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        await File.WriteAllBytesAsync(Path.Combine(PortalPlatformFixture.ArtifactsDirectory, "berita-acara-kwitang.pdf"), bytes);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Kelurahan Kwitang", text, StringComparison.Ordinal);
            Assert.Contains("BERITA ACARA", text, StringComparison.Ordinal);
            Assert.Contains(sha[..16], text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // Back on the board the unit is signed.
        await page.GotoAsync("/evaluasi");
        await Assertions.Expect(row.Locator("[data-stage=signed]")).ToHaveAttributeAsync("data-state", "done");
    }

    [Fact]
    public async Task An_evaluator_opens_a_cycle_and_adds_Kwitang_with_its_team_in_the_portal()
    {
        // A year of its own, so no other journey's board or ranking sees this evaluation.
        const int year = 2097;
        var name = $"PEKPPP portal {Guid.NewGuid():N}"[..26];
        var kwitang = await platform.KwitangAsync();
        var evaluatorToken = await platform.TokenAsync("evaluator@tinjau.local", "identity");
        var self = (await platform.SendAsync(HttpMethod.Get, "/api/identity/me", evaluatorToken)).GetProperty("id").GetString()!;

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("evaluator@tinjau.local", $"/evaluasi?tahun={year}");
        await page.Locator("[data-new-cycle-link]").ClickAsync();
        await page.WaitForURLAsync("**/evaluasi/siklus/baru");
        await page.FillAsync("#year", year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat siklus" }).ClickAsync();
        await Assertions.Expect(page.Locator("#name-error")).ToContainTextAsync("Isi nama siklus");
        await page.FillAsync("#name", name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat siklus" }).ClickAsync();
        await page.WaitForURLAsync("**/evaluasi/siklus/*?dibuat=1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("[data-cycle-empty]")).ToBeVisibleAsync();
        var cycleId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());

        // Kwitang found by the registry's search; the signed-in evaluator leads by default. Also ticked as a member: the
        // service's "once in a team" beside the members, nothing added.
        await page.FillAsync("#q", "Kwitang");
        await page.Locator("[data-add-lokus] [data-search]").ClickAsync();
        await page.Locator($"#unit-{kwitang}").CheckAsync();
        await Assertions.Expect(page.Locator("#lead")).ToHaveValueAsync(self);
        await page.Locator($"#member-{self}").CheckAsync();
        await page.Locator("[data-add-lokus] [data-add]").ClickAsync();
        await Assertions.Expect(page.Locator("#members-error")).ToContainTextAsync("hanya sekali dalam tim");
        await Assertions.Expect(page.Locator($"#unit-{kwitang}")).ToBeCheckedAsync();
        Assert.Equal(0, (await CycleAsync(cycleId)).GetProperty("units").GetArrayLength());

        await page.Locator($"#member-{self}").UncheckAsync();
        await page.Locator("[data-add-lokus] [data-add]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]").Filter(new() { HasText = "ditambahkan ke siklus" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-lokus=\"31.71.04.1002\"]")).ToContainTextAsync("Tim Evaluator (ketua)");
        var unit = Assert.Single((await CycleAsync(cycleId)).GetProperty("units").EnumerateArray());
        Assert.Equal(kwitang, unit.GetProperty("unitId").GetGuid());
        var lead = Assert.Single(unit.GetProperty("team").EnumerateArray());
        Assert.Equal(self, lead.GetProperty("subjectId").GetString());
        Assert.Equal("lead", lead.GetProperty("role").GetString());
        await page.InspectAsync("evaluasi-siklus-360-id");

        // Added twice: one sentence, still one unit. The board shows the cycle with Kwitang at F01.
        await page.FillAsync("#q", "Kwitang");
        await page.Locator("[data-add-lokus] [data-search]").ClickAsync();
        await page.Locator($"#unit-{kwitang}").CheckAsync();
        await page.Locator("[data-add-lokus] [data-add]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-notice]").Filter(new() { HasText = "sudah ada dalam siklus" })).ToBeVisibleAsync();
        Assert.Single((await CycleAsync(cycleId)).GetProperty("units").EnumerateArray());
        await page.GotoAsync($"/evaluasi?tahun={year}");
        await Assertions.Expect(page.Locator($"[data-cycle=\"{cycleId}\"] [data-board-unit=\"31.71.04.1002\"] [data-stage=f01]"))
            .ToHaveAttributeAsync("data-state", "current");
    }

    private async Task<JsonElement> CycleAsync(Guid id) =>
        await platform.SendAsync(HttpMethod.Get, $"/api/evaluations/cycles/{id}", await platform.TokenAsync("evaluator@tinjau.local", "evaluations"));

    [Fact]
    public async Task A_citizen_gets_no_desk_and_leadership_reads_the_board_in_English()
    {
        var citizen = await platform.NewPageAsync(phone: true);
        await citizen.SignInAsync("citizen@tinjau.local", "/akun/laporan-saya");
        await Assertions.Expect(citizen.Locator("[data-nav-desk]")).ToHaveCountAsync(0);
        var response = await citizen.GotoAsync("/evaluasi");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(citizen.Locator("[data-role-only=desk]")).ToBeVisibleAsync();
        await citizen.InspectAsync("evaluasi-warga-403-360-id");

        var leader = await platform.NewPageAsync(phone: false, language: "en");
        await leader.SignInAsync("leadership@tinjau.local", "/evaluasi");
        await Assertions.Expect(leader.Locator("h1")).ToHaveTextAsync("PEKPPP evaluation board");
        await leader.InspectAsync("evaluasi-papan-1280-en");
    }

    [Fact]
    public async Task A_PDF_that_chromium_cannot_print_answers_the_portal_s_503_page_with_Retry_After()
    {
        // The download's own code behind a chromium that is not there, in a host of its own (the platform's portal
        // prints): the answer is a portal page with Retry-After, not a 500.
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.Configure<PortalOptions>(o => o.ChromiumPath = "/nonexistent/chromium");
        builder.Services.AddScoped<BeritaAcaraPdf>();
        await using var host = builder.Build();
        host.UseRequestLocalization(o => o.SetDefaultCulture("id-ID").AddSupportedCultures("id-ID", "en-GB").AddSupportedUICultures("id-ID", "en-GB"));
        host.UseAntiforgery();
        host.MapGet("/evaluasi/{id:guid}/berita-acara.pdf", (Guid id, HttpContext http, BeritaAcaraPdf pdf, IStringLocalizer<Strings> text, CancellationToken ct) =>
            EvaluatorDeskEndpoints.DownloadAsync(http, id, BeritaAcaraPdfTests.View(Guid.NewGuid()), new Dictionary<Guid, string>(), pdf, text, ct));
        await host.StartAsync();
        var id = Guid.NewGuid();

        var context = await platform.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, Locale = "id-ID", IsMobile = true });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"{host.Urls.First()}/evaluasi/{id}/berita-acara.pdf");

        Assert.Equal(503, response!.Status);
        Assert.Equal("30", await response.HeaderValueAsync("retry-after"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("PDF belum dapat dibuat");
        await Assertions.Expect(page.Locator("[data-pdf-unavailable]")).ToContainTextAsync("Coba lagi dalam setengah menit");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Kembali ke berita acara") }))
            .ToHaveAttributeAsync("href", $"/evaluasi/{id}/berita-acara");
        await page.InspectAsync("evaluasi-pdf-503-360-id");
        await context.CloseAsync();
    }
}
