using Microsoft.Playwright;
using MiniExcelLibs;
using Tinjau.Portal.Web.Services;

namespace Tinjau.Portal.BrowserTests;

/// <summary>The complaint admin's back office: the triage queue, verify and route, merge of duplicates, exports.</summary>
[Collection(PortalCollection.Name)]
public sealed class TriageTests(PortalPlatformFixture platform)
{
    private const double KwitangLat = -6.1826;
    private const double KwitangLon = 106.8412;

    [Fact]
    public async Task The_admin_verifies_a_new_complaint_and_routes_it_to_Kwitang()
    {
        var description = $"Jalan berlubang dekat halte Kwitang ({Guid.NewGuid():N}).";
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "jalan-rusak",
            description,
            latitude = KwitangLat,
            longitude = KwitangLon,
            reporter = new { name = "Budi Warga" },
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var id = filed.GetProperty("id").GetGuid();
        var kwitang = await platform.KwitangAsync();

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("complaint-admin@tinjau.local", "/petugas/triase");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Antrean triase aduan");
        await Assertions.Expect(page.Locator("[data-nav-triage]")).ToHaveTextAsync("Triase");
        await Assertions.Expect(page.Locator("[data-tab=baru]")).ToHaveAttributeAsync("aria-current", "page");
        // The new tab is Menunggu verifikasi, newest first: the verification deadline (3 working days) runs.
        var row = page.Locator($"[data-complaint=\"{number}\"]");
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("Menunggu");
        await Assertions.Expect(row.Locator("[data-countdown]")).ToHaveTextAsync("3 hari kerja lagi");
        await page.InspectAsync("triase-1280-id");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.WaitForURLAsync($"**/petugas/aduan/{number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(description);
        // Menunggu offers verify and reject, not yet a disposition.
        await Assertions.Expect(page.Locator("[data-action=dispose]")).ToHaveCountAsync(0);
        await page.Locator("[data-action=verify] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Koordinasi");

        // A disposition without a reason: the error beside the field, the unit chosen stays chosen.
        await page.SelectOptionAsync("#dispose-unit", new SelectOptionValue { Label = "Kelurahan Kwitang" });
        await page.Locator("[data-action=dispose] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#dispose-reason-error")).ToContainTextAsync("Tulis alasan");
        await Assertions.Expect(page.Locator("#dispose-unit")).ToHaveValueAsync(kwitang.ToString());
        await page.FillAsync("#dispose-reason", "Wilayah Kelurahan Kwitang.");
        await page.Locator("[data-action=dispose] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByText("Status sekarang: Disposisi.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kelurahan Kwitang");

        // The service has it so.
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        var stored = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{id}", admin);
        Assert.Equal("Disposisi", stored.GetProperty("status").GetString());
        Assert.Equal(kwitang, stored.GetProperty("unit").GetProperty("id").GetGuid());

        var phone = await platform.NewPageAsync(phone: true);
        await phone.SignInAsync("complaint-admin@tinjau.local", $"/petugas/aduan/{number}");
        await Assertions.Expect(phone.Locator("[data-action=postpone]")).ToBeVisibleAsync();
        await phone.InspectAsync("triase-aduan-360-id");
    }

    [Fact]
    public async Task The_admin_rejects_and_archives_postpones_hands_back_as_not_our_authority_and_confirms_Selesai_in_the_portal()
    {
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "complaints");
        var kwitang = await platform.KwitangAsync();
        async Task<(Guid Id, string Number)> FileAsync(int i)
        {
            var f = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
            {
                category = "jalan-rusak",
                description = $"Trotoar rusak di Kwitang, titik {i} ({Guid.NewGuid():N}).",
                latitude = KwitangLat + 0.0006 * i,
                longitude = KwitangLon - 0.0005 * i,
                reporter = new { name = "Sari Warga" },
            }, expected: 201);
            return (f.GetProperty("id").GetGuid(), f.GetProperty("trackingNumber").GetString()!);
        }
        async Task<string> StatusAsync(Guid id) => (await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{id}", admin)).GetProperty("status").GetString()!;
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("complaint-admin@tinjau.local", "/petugas/triase");
        async Task ActAsync(string number, string action, string? reason, string status)
        {
            if (page.Url.Contains($"/petugas/aduan/{number}", StringComparison.Ordinal) is false)
            {
                await page.GotoAsync($"/petugas/aduan/{number}");
            }
            var form = page.Locator($"[data-action={action}]");
            if (await form.GetAttributeAsync("open") is null)
            {
                await form.Locator("summary").ClickAsync();
            }
            if (reason is not null)
            {
                await page.FillAsync($"#{action}-reason", reason);
            }
            await form.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", status);
        }

        // Rejected (the reason is required beside its field), then archived.
        var rejected = await FileAsync(1);
        await page.GotoAsync($"/petugas/aduan/{rejected.Number}");
        await page.Locator("[data-action=reject] summary").ClickAsync();
        await page.Locator("[data-action=reject] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#reject-reason-error")).ToContainTextAsync("Tulis alasan");
        Assert.Equal("Menunggu", await StatusAsync(rejected.Id));
        await ActAsync(rejected.Number, "reject", "Laporan tidak memuat lokasi yang dapat diperiksa.", "Ditolak");
        await ActAsync(rejected.Number, "archive", null, "Diarsipkan");
        Assert.Equal("Diarsipkan", await StatusAsync(rejected.Id));

        // Postponed until a day, with its reason.
        var postponed = await FileAsync(2);
        await page.GotoAsync($"/petugas/aduan/{postponed.Number}");
        await page.Locator("[data-action=postpone] summary").ClickAsync();
        await page.FillAsync("#postpone-until", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await ActAsync(postponed.Number, "postpone", "Menunggu jadwal perbaikan trotoar dari Sudin Bina Marga.", "Ditunda");
        Assert.Equal("Ditunda", await StatusAsync(postponed.Id));

        // Not the city's authority.
        var elsewhere = await FileAsync(3);
        await ActAsync(elsewhere.Number, "not-our-authority", "Jalan nasional: kewenangan Kementerian PU.", "BukanWewenang");
        Assert.Equal("BukanWewenang", await StatusAsync(elsewhere.Id));

        // Answered by Kwitang: the admin confirms it Selesai.
        var answered = await FileAsync(4);
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{answered.Id}/verify", admin, new { note = "Lokasi jelas." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{answered.Id}/dispose", admin, new { unitId = kwitang, reason = "Wilayah Kwitang." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{answered.Id}/start", staff);
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{answered.Id}/answer", staff, new { answer = "Trotoar sudah ditambal petugas PPSU." });
        await ActAsync(answered.Number, "confirm", null, "Selesai");
        Assert.Equal("Selesai", await StatusAsync(answered.Id));
        await page.InspectAsync("triase-selesai-360-id");
    }

    [Fact]
    public async Task Two_reports_near_each_other_are_shown_side_by_side_merged_and_the_filtered_list_exports_without_a_hidden_reporter()
    {
        // Kenari, away from the other tests' pins; the second is 40 m from the first: a probable duplicate.
        var (lat, lon) = (-6.1905 + Random.Shared.NextDouble() * 0.002, 106.8465 + Random.Shared.NextDouble() * 0.002);
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<(Guid Id, string Number)> FileAsync(double la, double lo, string text, bool hidden = false)
        {
            var f = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
            {
                category = "penerangan-jalan",
                description = text,
                latitude = la,
                longitude = lo,
                anonymous = hidden,
                confidential = hidden,
                reporter = new { name = hidden ? $"Pelapor Tersembunyi {tag}" : "Rina Warga", phone = "081298765432" },
            }, expected: 201);
            return (f.GetProperty("id").GetGuid(), f.GetProperty("trackingNumber").GetString()!);
        }
        var original = await FileAsync(lat, lon, $"Lampu jalan mati sejak Senin ({tag}).");
        var duplicate = await FileAsync(lat + 0.00036, lon, $"Lampu PJU padam di depan masjid ({tag}).");
        var secret = await FileAsync(lat + 0.01, lon + 0.01, $"Lampu dicuri ({tag}).", hidden: true);
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        Assert.Equal(original.Id, (await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{duplicate.Id}", admin)).GetProperty("probableDuplicateOfId").GetGuid());

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("complaint-admin@tinjau.local", "/petugas/triase/duplikat");
        var pair = page.Locator($"[data-pair=\"{duplicate.Number}\"]");
        await Assertions.Expect(pair.Locator("[data-side=asli] [data-description]")).ToContainTextAsync($"Lampu jalan mati sejak Senin ({tag}).");
        await Assertions.Expect(pair.Locator("[data-side=duplikat] [data-description]")).ToContainTextAsync($"Lampu PJU padam di depan masjid ({tag}).");
        await Assertions.Expect(pair.Locator("[data-distance]")).ToContainTextAsync("Jarak 40 m");
        // Both pins on the small map.
        await Assertions.Expect(pair.Locator("[data-report-map] path.leaflet-interactive")).ToHaveCountAsync(2);
        await page.InspectAsync("triase-duplikat-1280-id");
        var phone = await platform.NewPageAsync(phone: true);
        await phone.SignInAsync("complaint-admin@tinjau.local", "/petugas/triase/duplikat");
        await Assertions.Expect(phone.Locator($"[data-pair=\"{duplicate.Number}\"]")).ToBeVisibleAsync();
        await phone.InspectAsync("triase-duplikat-360-id");

        await pair.GetByRole(AriaRole.Button, new() { Name = "Gabungkan" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"{duplicate.Number} digabungkan ke {original.Number}.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-pair=\"{duplicate.Number}\"]")).ToHaveCountAsync(0);
        var merged = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{duplicate.Id}", admin);
        Assert.Equal(original.Id, merged.GetProperty("mergedIntoId").GetGuid());
        Assert.Equal("Diarsipkan", merged.GetProperty("status").GetString());
        Assert.Equal(1, (await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{original.Id}", admin)).GetProperty("mergedCount").GetInt32());

        // The list filtered by category and today, exported: exactly the rows the queue counts, no hidden reporter.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync($"/petugas/triase?tab=semua&kategori=penerangan-jalan&dari={today}&sampai={today}");
        await Assertions.Expect(page.Locator($"[data-complaint=\"{original.Number}\"]")).ToBeVisibleAsync();
        var total = int.Parse((await page.Locator("[data-queue-total]").InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=xlsx]").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var xlsxPath = Path.Combine(PortalPlatformFixture.ArtifactsDirectory, "triase-export.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        var rows = MiniExcel.Query(xlsxPath, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(total, rows.Count);
        Assert.All(rows, r => Assert.Equal("Penerangan jalan umum", r["Kategori"]));
        var numbers = rows.Select(r => (string)r["Nomor"]).ToList();
        Assert.Contains(original.Number, numbers);
        Assert.Contains(duplicate.Number, numbers);
        Assert.Contains(secret.Number, numbers);
        Assert.Equal("Diarsipkan", rows.Single(r => (string)r["Nomor"] == duplicate.Number)["Status"]);
        Assert.Equal("ya", rows.Single(r => (string)r["Nomor"] == secret.Number)["Rahasia"]);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(tag, StringComparison.Ordinal) == true);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        var csvText = await File.ReadAllTextAsync((await csv.PathAsync())!);
        var lines = csvText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Nomor,Jenis,Kategori,Kanal,Status,Unit,Anonim,Rahasia,Diterima,BatasWaktu", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(total + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(original.Number + ",", StringComparison.Ordinal));
        Assert.DoesNotContain(tag, csvText, StringComparison.Ordinal);
        Assert.DoesNotContain("081298765432", csvText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_officer_gets_no_triage_and_the_filter_asks_the_service_for_the_tab()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await Assertions.Expect(page.Locator("[data-nav-triage]")).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync("/petugas/triase"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/petugas/triase/duplikat"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/petugas/triase/unduh.csv?tab=semua"))!.Status);

        var now = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
        var near = TriageFilter.Of("mendekati", "sampah", null, "2026-12-01", "bukan-tanggal", null).ApiQuery(now, 2, 25);
        Assert.Equal("page=2&pageSize=25&dueFrom=2026-12-02T01%3A00%3A00.0000000%2B00%3A00&dueBefore=2026-12-04T01%3A00%3A00.0000000%2B00%3A00&category=sampah&from=2026-12-01", near);
        Assert.Equal("page=1&pageSize=25&status=Menunggu", TriageFilter.Of("apa-saja", " ", null, null, null, "x").ApiQuery(now, 1, 25));
    }
}
