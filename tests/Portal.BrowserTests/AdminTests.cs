using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The admins' pages: a user created with a role bound to Kelurahan Kwitang and locked, both in the audit trail; a new
/// unit's service hours and catalogue; a holiday added and marked as checked against the SKB; unit staff get none of it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AdminTests(PortalPlatformFixture platform)
{
    private const string KwitangCode = PortalPlatformFixture.KwitangCode;

    [Fact]
    public async Task The_admin_manages_a_user_a_unit_and_the_holiday_calendar()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var kwitang = await platform.KwitangAsync();
        var identity = await platform.TokenAsync("admin@tinjau.local", "identity");

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("admin@tinjau.local", "/admin/pengguna");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pengguna");
        await Assertions.Expect(page.Locator("[data-nav-admin]")).ToHaveTextAsync("Admin");
        await Assertions.Expect(page.Locator("[data-user=\"admin@tinjau.local\"]")).ToBeVisibleAsync();
        await page.InspectAsync("admin-pengguna-1280-id");

        // unit-staff without a unit: the identity service's 400 beside the unit, what was typed kept.
        var email = $"uji.{suffix}@tinjau.local";
        await page.FillAsync("#displayName", $"Petugas Uji {suffix}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "RahasiaUji2040");
        await page.CheckAsync("#Create-role-unit-staff");
        await page.Locator("[data-create-user] button[value=create]").ClickAsync();
        await Assertions.Expect(page.Locator("#Create-unit-error")).ToContainTextAsync("wajib memilih unit");
        await Assertions.Expect(page.Locator("#displayName")).ToHaveValueAsync($"Petugas Uji {suffix}");
        await Assertions.Expect(page.Locator("#Create-role-unit-staff")).ToBeCheckedAsync();

        // The unit chooser: the registry's search, no script needed.
        await page.FillAsync("#Create-unitq", "Kwitang");
        await page.Locator("[data-create-user] [data-unit-search]").ClickAsync();
        await Assertions.Expect(page.Locator("#Create-unit option", new() { HasText = $"Kelurahan Kwitang ({KwitangCode})" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#email")).ToHaveValueAsync(email);
        await page.SelectOptionAsync("#Create-unit", kwitang.ToString());
        await page.Locator("[data-create-user] button[value=create]").ClickAsync();
        var created = page.Locator($"[data-created-user=\"{email}\"]");
        await Assertions.Expect(created).ToBeVisibleAsync();
        var userId = Guid.Parse((await created.GetAttributeAsync("href"))!.Split('/').Last());
        var stored = await platform.SendAsync(HttpMethod.Get, $"/api/identity/users/{userId}", identity);
        Assert.Equal(kwitang, stored.GetProperty("unitId").GetGuid());
        Assert.Equal(["unit-staff"], stored.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The user's page: the binding as the service has it; lock the account.
        await created.ClickAsync();
        await page.WaitForURLAsync($"**/admin/pengguna/{userId}");
        await Assertions.Expect(page.Locator("[data-user-unit]")).ToHaveTextAsync("Kelurahan Kwitang");
        await Assertions.Expect(page.Locator("#Roles-unit")).ToHaveValueAsync(kwitang.ToString());
        await page.Locator("[data-lockout]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-locked]")).ToHaveAttributeAsync("data-locked", "true");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-locked]")).ToHaveTextAsync(new Regex("Terkunci"));
        Assert.True((await platform.SendAsync(HttpMethod.Get, $"/api/identity/users/{userId}", identity)).GetProperty("lockedOut").GetBoolean());
        await page.InspectAsync("admin-pengguna-detail-1280-id");

        // The audit trail, newest first: who, what, when.
        await page.Locator("[data-user-audit]").ClickAsync();
        await page.WaitForURLAsync($"**/admin/audit?pengguna={userId}");
        var entries = page.Locator("[data-audit-entry]");
        await Assertions.Expect(entries).ToHaveCountAsync(2);
        await Assertions.Expect(entries.Nth(0)).ToHaveAttributeAsync("data-audit-entry", "user.locked");
        await Assertions.Expect(entries.Nth(1)).ToHaveAttributeAsync("data-audit-entry", "user.created");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync("Pengguna dibuat");
        await Assertions.Expect(entries.Nth(1)).ToContainTextAsync("Admin Tinjau");
        await Assertions.Expect(entries.Nth(1).Locator("[data-audit-details]")).ToContainTextAsync($"roles [unit-staff]; unit {kwitang}");
        await page.InspectAsync("admin-audit-1280-id");

        // A unit of its own under Kecamatan Senen: its service hours and its catalogue.
        var code = $"31.71.04.UJI{Random.Shared.Next(100000, 1000000).ToString(CultureInfo.InvariantCulture)}";
        await page.GotoAsync("/admin/unit");
        await Assertions.Expect(page.Locator("[data-units] tbody tr").First).ToBeVisibleAsync();
        await page.InspectAsync("admin-unit-1280-id");
        await page.FillAsync("#unit-code", code);
        await page.FillAsync("#unit-name", $"UPT Uji {suffix}");
        await page.SelectOptionAsync("#unit-type", "upt");
        await page.SelectOptionAsync("#unit-parent", new SelectOptionValue { Label = "Kecamatan Senen" });
        await page.Locator("[data-create-unit] button[type=submit]").ClickAsync();
        var newUnit = page.Locator($"[data-created-unit=\"{code}\"]");
        await Assertions.Expect(newUnit).ToBeVisibleAsync();
        var unitId = Guid.Parse((await newUnit.GetAttributeAsync("href"))!.Split('/').Last());
        await newUnit.ClickAsync();
        await page.WaitForURLAsync($"**/admin/unit/{unitId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"UPT Uji {suffix}");

        await page.SelectOptionAsync("#jam-monday-mode", "hours");
        await page.FillAsync("#jam-monday-buka1", "07:30");
        await page.FillAsync("#jam-monday-tutup1", "15:00");
        await page.SelectOptionAsync("#jam-saturday-mode", "hours");
        await page.FillAsync("#jam-saturday-buka1", "25:00");
        await page.FillAsync("#jam-saturday-tutup1", "12:00");
        await page.Locator("[data-hours-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#jam-saturday-buka1-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#jam-monday-buka1")).ToHaveValueAsync("07:30");
        await page.FillAsync("#jam-saturday-buka1", "08:00");
        foreach (var (field, value) in new[] { ("from", "2030-03-01"), ("to", "2030-03-30"), ("reason", "Ramadan"), ("opens", "08:00"), ("closes", "14:00") })
        {
            await page.FillAsync($"#ex-{field}", value);
        }
        await page.Locator("[data-hours-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByText("Jam pelayanan disimpan.")).ToBeVisibleAsync();

        foreach (var (field, value) in new[]
                 {
                     ("name", "Surat Keterangan Domisili"), ("requirements", "KTP\nKartu Keluarga"),
                     ("procedure", "Datang ke loket, serahkan persyaratan, terima surat."), ("time", "1 hari kerja"),
                     ("timeLimitWorkingDays", "1"), ("cost", "Gratis"), ("product", "Surat keterangan domisili"),
                     ("complaintHandling", "Kotak pengaduan dan JAKI."),
                 })
        {
            await page.FillAsync($"#svc-baru-{field}", value);
        }
        await page.Locator("[data-add-service] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByText("Layanan Surat Keterangan Domisili ditambahkan.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-hours-day=monday]")).ToHaveTextAsync("07:30–15:00");
        await Assertions.Expect(page.Locator("[data-hours-day=saturday]")).ToHaveTextAsync("08:00–12:00");
        await Assertions.Expect(page.Locator("[data-hours-day=sunday]")).ToHaveTextAsync("Tutup");
        await Assertions.Expect(page.Locator("[data-exception=Ramadan]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-service=\"Surat Keterangan Domisili\"] [data-service-time]")).ToHaveTextAsync("1 hari kerja");
        var hours = await platform.SendAsync(HttpMethod.Get, $"/api/units/{unitId}/service-hours");
        // A new unit starts with the registry's weekday hours: Tuesday to Friday stay as they were.
        var weekly = hours.GetProperty("weekly").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!, d => d.GetProperty("ranges")[0]);
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], weekly.Keys);
        Assert.Equal("07:30", weekly["monday"].GetProperty("opens").GetString());
        Assert.Equal("08:00", weekly["saturday"].GetProperty("opens").GetString());
        Assert.Equal("2030-03-30", hours.GetProperty("exceptions")[0].GetProperty("to").GetString());
        var catalogue = await platform.SendAsync(HttpMethod.Get, $"/api/units/{unitId}/services");
        var service = Assert.Single(catalogue.GetProperty("services").EnumerateArray());
        Assert.Equal(["KTP", "Kartu Keluarga"], service.GetProperty("standard").GetProperty("requirements").EnumerateArray().Select(r => r.GetString()));
        await page.InspectAsync("admin-unit-detail-1280-id");

        // A holiday in a year of its own, then checked against the SKB: the mark is text, not colour alone.
        var year = Random.Shared.Next(2040, 2100);
        var name = $"Libur Uji {suffix}";
        var phone = await platform.NewPageAsync(phone: true);
        await phone.SignInAsync("admin@tinjau.local", $"/admin/libur?tahun={year}");
        await Assertions.Expect(phone.Locator("h2").First).ToHaveTextAsync($"Hari libur {year}");
        await phone.FillAsync("#holiday-date", $"{year}-10-05");
        await phone.FillAsync("#holiday-name", name);
        await phone.Locator("[data-add-holiday] button[type=submit]").ClickAsync();
        var row = phone.Locator("[data-holidays] tr", new() { HasText = name });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-needs-review", "true");
        await Assertions.Expect(row.Locator("[data-review-state]")).ToHaveTextAsync(new Regex("Belum dicek dengan SKB"));
        await phone.InspectAsync("admin-libur-360-id");
        await row.Locator("[data-review]").ClickAsync();
        await Assertions.Expect(phone.GetByText($"{name} ditandai sudah dicek dengan SKB.")).ToBeVisibleAsync();
        await phone.ReloadAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-needs-review", "false");
        await Assertions.Expect(row.Locator("[data-review-state]")).ToHaveTextAsync(new Regex("Sudah dicek dengan SKB"));
        await Assertions.Expect(row.Locator("[data-review]")).ToHaveCountAsync(0);
        var holidays = await platform.SendAsync(HttpMethod.Get, $"/api/calendar/holidays?year={year}");
        var holiday = Assert.Single(holidays.EnumerateArray(), h => h.GetProperty("name").GetString() == name);
        Assert.False(holiday.GetProperty("needsReview").GetBoolean());
        Assert.Equal($"{year}-10-05", holiday.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Unit_staff_get_a_plain_403_and_no_admin_link()
    {
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await Assertions.Expect(page.Locator("[data-nav-office]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-nav-admin]")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/pengguna", $"/admin/pengguna/{Guid.NewGuid()}", "/admin/audit", "/admin/unit", "/admin/libur" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("[data-role-only=admin]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-users], [data-audit], [data-units], [data-holidays], form[data-create-user]")).ToHaveCountAsync(0);
        }
        await page.InspectAsync("admin-staf-403-360-id");
    }
}
