using Microsoft.Playwright;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The handling unit routes a complaint itself: Kwitang's staff add a photo, coordinate with Kenari and dispose it up
/// to the kecamatan, whose head then has it with its history and the photo.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnitRoutingTests(PortalPlatformFixture platform)
{
    private const double KwitangLat = -6.1826;
    private const double KwitangLon = 106.8412;

    [Fact]
    public async Task Kwitang_staff_add_a_photo_coordinate_with_Kenari_and_dispose_to_the_kecamatan_whose_head_sees_it_all()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var description = $"Saluran air tersumbat di perbatasan Kwitang dan Kenari ({tag}).";
        var filed = await platform.SendAsync(HttpMethod.Post, "/api/complaints", json: new
        {
            category = "saluran-air",
            description,
            latitude = KwitangLat,
            longitude = KwitangLon,
            reporter = new { name = "Rudi Warga" },
        }, expected: 201);
        var number = filed.GetProperty("trackingNumber").GetString()!;
        var id = filed.GetProperty("id").GetGuid();
        var kwitang = await platform.KwitangAsync();
        Assert.Equal(kwitang, filed.GetProperty("unit").GetProperty("id").GetGuid());
        var admin = await platform.TokenAsync("complaint-admin@tinjau.local", "complaints");
        // Verified: Koordinasi, still with Kwitang (its pin's kelurahan), so the unit may route it on.
        await platform.SendAsync(HttpMethod.Post, $"/api/complaints/{id}/verify", admin, new { note = "Lokasi jelas." });

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", $"/petugas/aduan/{number}");
        await Assertions.Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Koordinasi");
        await Assertions.Expect(page.Locator("[data-photos-none]")).ToBeVisibleAsync();

        // The officer adds a photo from the phone: the service keeps it (without its EXIF) and the page shows its thumbnail.
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "saluran.jpg", MimeType = "image/jpeg", Buffer = ExifPhotos.JpegWithGps(800, 600) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Foto tersimpan.")).ToBeVisibleAsync();
        var thumbnail = page.Locator("[data-photos] img");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        await Assertions.Expect(thumbnail).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^Foto 1 aduan ini, ditambahkan "));
        await ImageLoadedAsync(page);
        Assert.Equal(1L, await platform.CountAsync("complaintsdb", $"SELECT count(*) FROM complaint_attachments WHERE \"ComplaintId\" = '{id}' AND \"AddedBy\" = 'petugas'"));

        // Coordination without a unit is refused beside the field; with Kenari it is recorded and the history shows it.
        var coordinate = page.Locator("[data-action=coordinate]");
        await coordinate.Locator("summary").ClickAsync();
        await coordinate.GetByRole(AriaRole.Button, new() { Name = "Koordinasikan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#coordinate-units-error")).ToContainTextAsync("Pilih unit yang ikut berkoordinasi");
        await page.SelectOptionAsync("#coordinate-units", new SelectOptionValue { Label = "Kelurahan Kenari" });
        await page.FillAsync("#coordinate-reason", $"Saluran melintasi Kenari; petugas Kenari ikut memeriksa ({tag}).");
        await page.Locator("[data-action=coordinate]").GetByRole(AriaRole.Button, new() { Name = "Koordinasikan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Status sekarang: Koordinasi.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-history]")).ToContainTextAsync($"petugas Kenari ikut memeriksa ({tag})");
        await page.InspectAsync("petugas-aduan-koordinasi-360-id");

        // Disposed up to the kecamatan: the reason is required beside its field; then the complaint leaves Kwitang's view.
        var dispose = page.Locator("[data-action=dispose]");
        await page.SelectOptionAsync("#dispose-unit", new SelectOptionValue { Label = "Kecamatan Senen" });
        await dispose.GetByRole(AriaRole.Button, new() { Name = "Disposisikan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dispose-reason-error")).ToContainTextAsync("Tulis alasan");
        await Assertions.Expect(page.Locator("#dispose-unit option:checked")).ToHaveTextAsync("Kecamatan Senen");
        await page.FillAsync("#dispose-reason", $"Perlu alat berat dari kecamatan ({tag}).");
        await page.Locator("[data-action=dispose]").GetByRole(AriaRole.Button, new() { Name = "Disposisikan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Aduan sudah didisposisikan dan kini ditangani unit tujuan")).ToBeVisibleAsync();
        await page.InspectAsync("petugas-aduan-didisposisikan-360-id");

        var senen = await platform.UnitIdAsync("31.71.04");
        var stored = await platform.SendAsync(HttpMethod.Get, $"/api/complaints/{id}", admin);
        Assert.Equal("Disposisi", stored.GetProperty("status").GetString());
        Assert.Equal(senen, stored.GetProperty("unit").GetProperty("id").GetGuid());

        // The head of Kecamatan Senen, signed in at the same time, has it: the history of both steps and the photo.
        var head = await platform.NewPageAsync(phone: true);
        await head.SignInAsync("head.senen@tinjau.local", $"/petugas/aduan/{number}");
        await Assertions.Expect(head.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "Disposisi");
        var history = head.Locator("[data-history]");
        await Assertions.Expect(history).ToContainTextAsync($"petugas Kenari ikut memeriksa ({tag})");
        await Assertions.Expect(history).ToContainTextAsync($"Didisposisikan ke Kecamatan Senen: Perlu alat berat dari kecamatan ({tag}).");
        await Assertions.Expect(head.Locator("[data-reporter]")).ToContainTextAsync("Rudi Warga");
        await Assertions.Expect(head.Locator("[data-photos] img")).ToHaveCountAsync(1);
        await ImageLoadedAsync(head);
        // Disposisi: the head may start it, or hand it on again.
        await Assertions.Expect(head.GetByRole(AriaRole.Button, new() { Name = "Mulai proses" })).ToBeVisibleAsync();
        await Assertions.Expect(head.Locator("[data-action=dispose]")).ToBeVisibleAsync();
        await head.InspectAsync("petugas-aduan-kecamatan-360-id");
    }

    /// <summary>The thumbnail came through the portal with the officer's own token: the browser decoded an image.</summary>
    private static async Task ImageLoadedAsync(IPage page)
    {
        await page.Locator("[data-photos] img").ScrollIntoViewIfNeededAsync(); // a lazy image loads once in view
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-photos] img'); return !!i && i.complete && i.naturalWidth > 0; }",
            null, new() { Timeout = 30_000, PollingInterval = 200 });
    }
}
