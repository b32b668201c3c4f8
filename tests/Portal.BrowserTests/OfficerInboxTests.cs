using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tinjau.Portal.Web.Services;

namespace Tinjau.Portal.BrowserTests;

/// <summary>The officers' back office (issue #13, first slice): a unit's inbox and the answer form, on a phone.</summary>
[Collection(PortalCollection.Name)]
public sealed class OfficerInboxTests(PortalPlatformFixture platform)
{
    private const double KwitangLat = -6.1826;
    private const double KwitangLon = 106.8412;

    [Fact]
    public async Task Kwitang_staff_see_a_complaint_with_its_countdown_answer_it_with_a_template_and_the_citizen_reads_the_answer()
    {
        // A citizen reports rubbish in Kwitang (routed there by its pin); the complaint admin verifies and disposes it.
        var description = $"Sampah menumpuk di gang belakang pasar ({Guid.NewGuid():N}).";
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "sampah",
            description,
            latitude = KwitangLat,
            longitude = KwitangLon,
            reporter = new { name = "Siti Warga", email = "siti.warga@example.id" },
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var id = filed.GetProperty("id").GetGuid();
        var kwitang = await platform.KwitangAsync();
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/verify", admin, new { note = "Lokasi jelas." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/dispose", admin, new { unitId = kwitang, reason = "Wilayah Kwitang." });

        // The officer signs in on the portal (code + PKCE) and lands on the inbox.
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kotak masuk unit");
        await Assertions.Expect(page.Locator("[data-nav-office]")).ToHaveTextAsync("Kantor");
        var row = page.Locator($"[data-complaint=\"{number}\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("Disposisi");
        await Assertions.Expect(row).ToContainTextAsync("Sampah");
        // Disposed just now: the unit's follow-up deadline (5 working days on the registry's calendar) is running.
        await Assertions.Expect(row.Locator("[data-countdown]")).ToHaveTextAsync("5 hari kerja lagi");
        await page.InspectAsync("petugas-360-id");
        // "My reports" is the officer's own, not the unit's inbox: none of the unit's complaints is listed there.
        var mine = await page.GotoAsync("/akun/laporan-saya");
        Assert.Equal(200, mine!.Status);
        await Assertions.Expect(page.GetByText("Anda belum punya laporan yang terhubung ke akun ini.")).ToBeVisibleAsync();
        Assert.DoesNotContain(number, await page.MainTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/petugas");

        // The complaint page: public steps, the internal history with actors, and the actions of its status.
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.WaitForURLAsync($"**/petugas/aduan/{number}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Aduan {number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(description);
        await Assertions.Expect(page.Locator("[data-history]")).ToContainTextAsync("Wilayah Kwitang.");
        await Assertions.Expect(page.Locator("[data-history]")).ToContainTextAsync("complaint-admin");
        await Assertions.Expect(page.Locator("[data-reporter]")).ToContainTextAsync("Siti Warga");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai proses" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Proses");
        await Assertions.Expect(page.GetByText("Status sekarang: Proses.")).ToBeVisibleAsync();

        // A template for the category fills the answer box (a GET form: no script needed); the officer edits and sends it.
        await page.SelectOptionAsync("#templat", "sampah-diangkut");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pakai templat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#answer")).ToHaveValueAsync(new Regex("diangkut oleh petugas PPSU"));
        await page.InspectAsync("petugas-aduan-360-id");
        var answer = (await page.InputValueAsync("#answer")).Replace("[tanggal]", "2 Desember 2026", StringComparison.Ordinal);
        await page.FillAsync("#answer", answer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Jawaban terkirim. Status: Proses")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("2 Desember 2026");
        await Assertions.Expect(page.Locator("[data-answered]")).ToBeVisibleAsync();
        await page.InspectAsync("petugas-aduan-dijawab-360-id");

        // The citizen's tracking page shows the answer.
        var citizen = await platform.NewPageAsync(phone: true);
        await citizen.GotoAsync($"/lacak/{number}");
        await Assertions.Expect(citizen.Locator("[data-answer]")).ToContainTextAsync("diangkut oleh petugas PPSU pada 2 Desember 2026");
    }

    [Fact]
    public async Task An_anonim_reporter_stays_hidden_from_the_officers_and_the_inbox_is_desktop_and_English_ready()
    {
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "pungli",
            description = $"Diminta uang tambahan di loket ({Guid.NewGuid():N}).",
            latitude = KwitangLat,
            longitude = KwitangLon,
            anonymous = true,
            confidential = true,
            reporter = new { name = "Nama Tersembunyi", phone = "081234567890" },
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", $"/petugas/aduan/{number}");
        await Assertions.Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("Identitas pelapor dirahasiakan.");
        var text = await page.MainTextAsync();
        Assert.DoesNotContain("Nama Tersembunyi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("081234567890", text, StringComparison.Ordinal);
        // Menunggu: the admin verifies first; the unit has no action yet, and the verification deadline runs.
        await Assertions.Expect(page.Locator("[data-deadline] [data-countdown]")).ToBeVisibleAsync();

        var desktop = await platform.NewPageAsync(phone: false, language: "en");
        await desktop.SignInAsync("head.senen@tinjau.local", "/petugas");
        await Assertions.Expect(desktop.Locator("h1")).ToHaveTextAsync("Unit inbox");
        // The head of Kecamatan Senen sees its kelurahan's complaints too.
        await Assertions.Expect(desktop.Locator($"[data-complaint=\"{number}\"]")).ToContainTextAsync("Confidential (rahasia), Anonymous (anonim)");
        await desktop.InspectAsync("petugas-1280-en");
    }

    [Fact]
    public async Task A_rahasia_complaints_photo_reaches_the_unit_handling_it_and_no_one_else()
    {
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "pungli",
            description = $"Foto pungutan di loket ({Guid.NewGuid():N}).",
            latitude = KwitangLat,
            longitude = KwitangLon,
            confidential = true,
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var photo = await platform.AddPhotoAsync(number, filed.GetProperty("trackingSecret").GetString()!);
        var address = $"/petugas/foto/{photo}";

        // Kwitang's staff see it on the complaint page, fetched by the portal with their own token, never cached.
        var staff = await platform.NewPageAsync(phone: true);
        await staff.SignInAsync("staff.kwitang@tinjau.local", $"/petugas/aduan/{number}");
        var img = staff.Locator($"img[src=\"{address}\"]");
        await Assertions.Expect(img).ToHaveCountAsync(1);
        await staff.WaitForFunctionAsync($"() => document.querySelector('img[src=\"{address}\"]')?.naturalWidth > 0");
        var served = await staff.APIRequest.GetAsync(address);
        Assert.Equal(200, served.Status);
        Assert.Equal("image/jpeg", served.Headers["content-type"]);
        Assert.Equal("nosniff", served.Headers["x-content-type-options"]);
        Assert.Contains("no-store", served.Headers["cache-control"], StringComparison.Ordinal);

        // A signed-in citizen gets a 403, a visitor the sign-in form, and the API without the secret answers as if there were no photo.
        var citizen = await platform.NewPageAsync(phone: true);
        await citizen.SignInAsync("citizen@tinjau.local", "/akun/laporan-saya");
        Assert.Equal(403, (await citizen.APIRequest.GetAsync(address)).Status);
        var visitor = await platform.NewPageAsync(phone: true);
        await visitor.GotoAsync(address);
        await Assertions.Expect(visitor.Locator("#userName")).ToBeVisibleAsync();
        using var direct = await platform.Http.GetAsync($"/api/complaints/attachments/{photo}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Fact]
    public async Task A_citizen_gets_no_inbox_and_a_visitor_is_sent_to_sign_in()
    {
        var visitor = await platform.NewPageAsync(phone: true);
        await visitor.GotoAsync("/petugas");
        await Assertions.Expect(visitor.Locator("#userName")).ToBeVisibleAsync();

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("citizen@tinjau.local", "/akun/laporan-saya");
        await Assertions.Expect(page.Locator("[data-nav-office]")).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/petugas");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Khusus petugas unit");
        Assert.DoesNotContain("data-complaint", await page.ContentAsync(), StringComparison.Ordinal);
        var detail = await page.GotoAsync("/petugas/aduan/JKT-0000-00");
        Assert.Equal(403, detail!.Status);
        await page.InspectAsync("petugas-warga-403-360-id");
    }

    [Fact]
    public void The_inbox_puts_open_complaints_by_deadline_first_and_offers_the_category_templates_first()
    {
        var now = DateTimeOffset.UtcNow;
        ComplaintSummary Row(string number, string status, DateTimeOffset? due) =>
            new(Guid.NewGuid(), number, "pengaduan", "sampah", status, "Kelurahan Kwitang", false, false, now.AddDays(-3), due);
        var ordered = Officers.InboxOrder([
            Row("A", "Selesai", null), Row("B", "Proses", now.AddDays(4)), Row("C", "Disposisi", now.AddDays(-1)), Row("D", "Menunggu", now.AddDays(1)),
        ]).Select(c => c.TrackingNumber);
        Assert.Equal(["C", "D", "B", "A"], ordered);
        // A deadline is the end of its last day (midnight WIB after it): the day shown is that last day.
        var endOfNinth = new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal("9 Desember 2026", PortalCulture.DeadlineDate(endOfNinth, "Asia/Jakarta", PortalCulture.Indonesian));
        var templates = Officers.TemplatesFor("sampah");
        Assert.StartsWith("sampah-", templates[0].Key, StringComparison.Ordinal);
        Assert.Contains(templates, t => t.Key == "ditindaklanjuti");
        Assert.DoesNotContain(templates, t => t.Key == "jalan-ditambal");
    }
}
