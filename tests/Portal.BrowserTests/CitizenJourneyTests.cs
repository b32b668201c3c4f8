using System.Globalization;
using System.Net;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Portal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class CitizenJourneyTests(PortalPlatformFixture platform)
{
    [Fact]
    public async Task A_citizen_files_with_a_pin_and_a_photo_at_360px_follows_it_and_rates_the_answer()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/lapor");
        await page.SelectOptionAsync("#category", "sampah");
        var description = $"Sampah menumpuk di depan gang, belum diangkut tiga hari ({Guid.NewGuid():N}).";
        await page.FillAsync("#description", description);
        Assert.Contains(description.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#description-count"));

        // A pin by tapping the map, then moved with the arrow keys.
        await page.Locator("#lapor-map").ClickAsync(new LocatorClickOptions { Position = new Position { X = 160, Y = 140 } });
        await Assertions.Expect(page.Locator("#latitude")).Not.ToHaveValueAsync("");
        var lat = await page.InputValueAsync("#latitude");
        await page.Locator("#lapor-map").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(page.Locator("#latitude")).Not.ToHaveValueAsync(lat);
        Assert.Contains("Penanda di", await page.InnerTextAsync("#pin-readout"));

        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = ExifPhotos.JpegWithGps(800, 600) });
        await Assertions.Expect(page.Locator("#photos-status")).ToContainTextAsync("1 foto");
        await page.InspectAsync("lapor-isi-360-id");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync("**/lapor/terkirim/**");
        var number = (await page.InnerTextAsync("[data-tracking-number]")).Trim();
        Assert.Matches("^[A-Z]+-[A-Z0-9]{4}-[A-Z0-9]{2}$", number);
        Assert.Contains("(WIB)", await page.InnerTextAsync("[data-deadline]"));
        Assert.Matches(@"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}",
            await page.InnerTextAsync("[data-deadline]"));
        Assert.Contains("1 foto tersimpan", await page.MainTextAsync());
        var secretLink = await page.InputValueAsync("[data-secret-link]");
        Assert.Contains("kunci=", secretLink);
        await page.InspectAsync("lapor-terkirim-360-id");

        // The stored photo carries no EXIF (no GPS position, no camera).
        var photos = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}/attachments");
        Assert.Equal(1, photos.GetArrayLength());
        var bytes = await platform.Http.GetByteArrayAsync(photos[0].GetProperty("url").GetString());
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.Empty(metadata.OfType<GpsDirectory>());
        Assert.Empty(metadata.OfType<ExifIfd0Directory>());

        // Following it by number: the public timeline.
        await page.GotoAsync(secretLink);
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Menunggu");
        await Assertions.Expect(page.Locator("ol.steps [aria-current=step]")).ToContainTextAsync("Menunggu");
        await page.InspectAsync("lacak-menunggu-360-id");

        // Officers answer through the API; the admin confirms.
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        var staff = await platform.TokenAsync("staff.kwitang@tinjau.local", "complaints");
        var kwitang = await platform.KwitangAsync();
        var list = await platform.SendAsync(HttpMethod.Get, "/api/complaints?pageSize=200", admin);
        var id = list.GetProperty("items").EnumerateArray().First(c => c.GetProperty("trackingNumber").GetString() == number).GetProperty("id").GetGuid();
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/verify", admin, new { note = "Lokasi jelas." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/dispose", admin, new { unitId = kwitang, reason = "Wilayah Kwitang." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/start", staff);
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/answer", staff, new { answer = "Sampah sudah diangkut petugas PPSU pagi ini." });
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/confirm", admin);

        await page.GotoAsync(secretLink);
        await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("PPSU");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Selesai");
        await page.InspectAsync("lacak-selesai-360-id");
        await page.InspectAsync("lacak-rating-form-360-id");
        await page.Locator("label[for=rating-4]").ClickAsync();
        await page.FillAsync("#comment", "Cepat ditangani, terima kasih.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim nilai" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Terima kasih atas penilaian Anda.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("4 dari 5");
        await page.InspectAsync("lacak-dinilai-360-id");

        var tracking = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}");
        Assert.Equal(4, tracking.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task A_likely_duplicate_nearby_is_offered_before_sending_and_supported_instead()
    {
        // An open public report exactly where the map opens (Portal:MapCenter).
        var existing = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "fasilitas-umum",
            description = $"Halte rusak, atapnya bocor ({Guid.NewGuid():N}).",
            latitude = -6.1805,
            longitude = 106.8284,
        }, expected: 201);
        var number = existing.GetProperty("trackingNumber").GetString()!;

        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/lapor");
        await page.SelectOptionAsync("#category", "fasilitas-umum");
        await page.Locator("#lapor-map").FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // the pin at the map's centre, by keyboard
        var offer = page.Locator($"#nearby [data-support-link='{number}']");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#nearby")).ToContainTextAsync("Apakah ini masalah yang sama?");
        await page.InspectAsync("lapor-duplikat-360-id");

        await offer.ClickAsync();
        await page.WaitForURLAsync($"**/lacak/{number}**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dukung laporan ini" }).ClickAsync();
        await Assertions.Expect(page.GetByText("dukungan Anda tercatat")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dukung + p")).ToContainTextAsync("1 warga");
        var support = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}/support");
        Assert.Equal(1, support.GetProperty("supporters").GetInt32());

        // The same browser supporting again is counted once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Dukung laporan ini" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Anda sudah mendukung laporan ini.")).ToBeVisibleAsync();
        await page.InspectAsync("lacak-didukung-360-id");
    }

    [Fact]
    public async Task A_form_with_errors_says_so_beside_each_field_and_keeps_what_was_typed()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/lapor");
        await page.FillAsync("#address", "Jl. Kramat Raya");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#category-error")).ToContainTextAsync("Pilih kategori");
        await Assertions.Expect(page.Locator("#description-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#category")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("Jl. Kramat Raya", await page.InputValueAsync("#address"));
        // The map survives the re-shown form: one zoom control, inside the map, and a tap still drops a pin.
        await Assertions.Expect(page.Locator("#lapor-map.leaflet-container .leaflet-control-zoom")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".leaflet-control-zoom")).ToHaveCountAsync(1);
        await page.Locator("#lapor-map").ClickAsync(new LocatorClickOptions { Position = new Position { X = 160, Y = 140 } });
        await Assertions.Expect(page.Locator("#latitude")).Not.ToHaveValueAsync("");
        await page.InspectAsync("lapor-galat-360-id");
    }

    [Fact]
    public async Task The_public_map_shows_reports_by_kecamatan_and_status_and_never_a_rahasia_one()
    {
        // Two reports in Kwitang (kecamatan Senen): one public, one rahasia.
        var shown = (await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "fasilitas-umum",
            description = $"Lampu jalan mati di depan kantor kelurahan ({Guid.NewGuid():N}).",
            latitude = -6.1826,
            longitude = 106.8412,
        }, expected: 201)).GetProperty("trackingNumber").GetString()!;
        var hidden = (await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "pungli",
            description = $"Pungutan di loket ({Guid.NewGuid():N}).",
            latitude = -6.1826,
            longitude = 106.8412,
            confidential = true,
        }, expected: 201)).GetProperty("trackingNumber").GetString()!;

        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/kinerja");
        await page.SelectOptionAsync("#map-kecamatan", new SelectOptionValue { Label = "Kecamatan Senen" });
        await page.SelectOptionAsync("#map-status", "open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await page.WaitForURLAsync("**kecamatan=**");

        var senen = page.Locator("[data-kecamatan-table] tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Kecamatan Senen", Exact = true }) });
        await Assertions.Expect(senen).ToHaveCountAsync(1);
        Assert.True(int.Parse(await senen.Locator("td").Nth(0).InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        using var markers = JsonDocument.Parse(await page.Locator("[data-report-map]").GetAttributeAsync("data-reports") ?? "[]");
        var numbers = markers.RootElement.EnumerateArray().Select(m => m.GetProperty("number").GetString()).ToList();
        Assert.Contains(shown, numbers);
        Assert.DoesNotContain(hidden, numbers);
        Assert.All(markers.RootElement.EnumerateArray(), m =>
        {
            Assert.Equal("open", m.GetProperty("status").GetString());
            Assert.EndsWith("· Kecamatan Senen", m.GetProperty("label").GetString(), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(hidden, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#map-kecamatan option:checked")).ToHaveTextAsync("Kecamatan Senen");
        await page.InspectAsync("kinerja-kecamatan-360-id");
    }

    [Fact]
    public async Task With_the_complaints_service_down_the_report_is_kept_on_the_page_and_sent_once_it_is_back()
    {
        if (!platform.OwnsPlatform)
        {
            return; // a platform started elsewhere (PORTAL_TESTS_GATEWAY) is not ours to stop
        }
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/lapor");
        await page.SelectOptionAsync("#category", "sampah");
        var description = $"Sampah di saluran air depan pasar ({Guid.NewGuid():N}).";
        await page.FillAsync("#description", description);
        await page.FillAsync("#address", "Jl. Kwitang Raya 12");
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "saluran.jpg", MimeType = "image/jpeg", Buffer = ExifPhotos.JpegWithGps(640, 480) });
        await Assertions.Expect(page.Locator("#photos-status")).ToContainTextAsync("1 foto");

        await platform.StopServiceAsync(ResourceNames.Complaints);
        try
        {
            // The gateway's health probe notices within seconds; from then on it answers 503 with Retry-After at once.
            var retryAfter = await Eventually.GetAsync(async () =>
            {
                using var probe = await platform.Http.GetAsync("/open311/v2/services.json");
                return probe.StatusCode == HttpStatusCode.ServiceUnavailable ? probe.Headers.RetryAfter?.ToString() ?? "" : null;
            }, TimeSpan.FromSeconds(60), "the gateway to answer 503 for the stopped complaints service");
            Assert.Equal("5", retryAfter);

            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-notice]")).ToContainTextAsync("Isian Anda tetap tersimpan");
            Assert.EndsWith("/lapor", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("#description")).ToHaveValueAsync(description);
            await Assertions.Expect(page.Locator("#address")).ToHaveValueAsync("Jl. Kwitang Raya 12");
            await Assertions.Expect(page.Locator("#category")).ToHaveValueAsync("sampah");
            Assert.Equal(1, await page.EvalOnSelectorAsync<int>("#photos", "el => el.files.length"));
            await page.InspectAsync("lapor-layanan-mati-360-id");
        }
        finally
        {
            await platform.StartServiceAsync(ResourceNames.Complaints);
        }

        // Sent again once the gateway routes to the service again (its next probe): one complaint, with its photo.
        await Eventually.TrueAsync(async () =>
        {
            using var probe = await platform.Http.GetAsync("/open311/v2/services.json");
            return probe.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the gateway to route to the complaints service again");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync("**/lapor/terkirim/**");
        var number = (await page.InnerTextAsync("[data-tracking-number]")).Trim();
        Assert.Contains("1 foto tersimpan", await page.MainTextAsync());
        Assert.Equal(1, (await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}/attachments")).GetArrayLength());
        var tracked = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}");
        Assert.Equal(description, tracked.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_rahasia_report_shows_only_its_status_to_someone_with_the_number()
    {
        var marker = $"Pungli di loket {Guid.NewGuid():N}";
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "pungli",
            description = marker,
            address = "Kantor Kelurahan Kwitang",
            confidential = true,
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var secret = filed.GetProperty("trackingSecret").GetString()!;
        await platform.AddPhotoAsync(number, secret);

        // The reporter, with the secret link, sees the photo (carried inline: it is not public) ...
        var reporter = await platform.NewPageAsync(phone: true);
        await reporter.GotoAsync($"/lacak/{number}?kunci={secret}");
        await Assertions.Expect(reporter.Locator("ul.photos img")).ToHaveCountAsync(1);
        Assert.StartsWith("data:image/jpeg;base64,", await reporter.Locator("ul.photos img").GetAttributeAsync("src"));

        // ... someone with the number alone does not.
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync($"/lacak/{number}");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Menunggu");
        Assert.Equal(0, await page.Locator("ul.photos img").CountAsync());
        // The portal renders what the tracking API gives: once the API hides a rahasia report's content from the
        // number alone, nothing of it may appear on the page either.
        var api = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/track/{number}");
        if (!api.GetRawText().Contains(marker, StringComparison.Ordinal))
        {
            Assert.DoesNotContain(marker, await page.MainTextAsync());
        }
        await page.InspectAsync("lacak-rahasia-360-id");
    }

    [Fact]
    public async Task The_language_switch_changes_the_visible_strings()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/lapor");
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Report a problem");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var text = await page.InnerTextAsync("body");
        foreach (var indonesian in new[] { "Kategori", "Uraian", "Lokasi", "Kirim laporan", "Gunakan lokasi saya", "Privasi", "Lacak laporan", "karakter" })
        {
            Assert.DoesNotContain(indonesian, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Send the report", text, StringComparison.OrdinalIgnoreCase);
        await page.InspectAsync("lapor-360-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Laporkan masalah");
    }

    [Fact]
    public async Task An_unknown_address_answers_404_and_its_links_keep_the_address_asked_for()
    {
        var page = await platform.NewPageAsync(phone: true);
        var response = await page.GotoAsync("/laporan-lama?nomor=JKT-0000-00");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("a.skip-link")).ToHaveAttributeAsync("href", "/laporan-lama?nomor=JKT-0000-00#isi");
        await Assertions.Expect(page.Locator("a.lang-switch"))
            .ToHaveAttributeAsync("href", "/bahasa/en?kembali=" + Uri.EscapeDataString("/laporan-lama?nomor=JKT-0000-00"));
        await page.Locator("a.lang-switch").ClickAsync();
        await page.WaitForURLAsync("**/laporan-lama?nomor=JKT-0000-00");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Theory]
    [InlineData("/", "beranda")]
    [InlineData("/lapor", "lapor")]
    [InlineData("/lacak", "lacak")]
    [InlineData("/kinerja", "kinerja")]
    [InlineData("/akun/daftar", "daftar")]
    [InlineData("/tidak-ada", "tidak-ditemukan")]
    public async Task Each_page_passes_an_accessibility_scan_on_a_phone_and_a_desktop_in_both_languages(string path, string name)
    {
        foreach (var language in new[] { "id", "en" })
        {
            foreach (var phone in new[] { true, false })
            {
                var page = await platform.NewPageAsync(phone, language);
                await page.GotoAsync(path);
                await page.InspectAsync($"{name}-{(phone ? "360" : "1280")}-{language}");
                await page.Context.CloseAsync();
            }
        }
    }
}
