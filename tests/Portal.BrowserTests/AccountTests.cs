using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class AccountTests(PortalPlatformFixture platform)
{
    [Fact]
    public async Task A_citizen_registers_signs_in_with_code_and_PKCE_sees_their_reports_and_signs_out()
    {
        var email = $"warga.{Guid.NewGuid():N}@example.id";
        const string password = "Warga!Tinjau2026";
        var page = await platform.NewPageAsync(phone: true);
        await page.GotoAsync("/akun/daftar");
        await page.FillAsync("#displayName", "Warga Uji");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "pendek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToBeVisibleAsync();
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Akun Anda sudah dibuat")).ToBeVisibleAsync();

        // Sign-in: the portal sends the browser to the Identity service (authorization code + PKCE) and back.
        await page.GotoAsync("/akun/masuk");
        await page.FillAsync("#userName", email);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/akun/laporan-saya");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Laporan saya");

        // A report filed while signed in is theirs.
        await page.GotoAsync("/lapor");
        await page.SelectOptionAsync("#category", "penerangan-jalan");
        await page.FillAsync("#description", "Lampu jalan mati di depan masjid sejak seminggu.");
        await page.FillAsync("#address", "Jl. Kramat Raya 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync("**/lapor/terkirim/**");
        var number = (await page.InnerTextAsync("[data-tracking-number]")).Trim();
        await page.GotoAsync("/akun/laporan-saya");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(number);
        await page.InspectAsync("laporan-saya-360-id");

        // The fixture has the portal renew the access token on every page: it did, with refresh tokens Identity
        // redeemed, and the citizen stayed signed in throughout.
        if (platform.OwnsPlatform)
        {
            var redeemed = await platform.CountAsync(ResourceNames.IdentityDb,
                $"SELECT count(*) FROM \"OpenIddictTokens\" t JOIN \"AspNetUsers\" u ON t.\"Subject\" = u.\"Id\"::text " +
                $"WHERE t.\"Type\" = 'urn:ietf:params:oauth:token-type:refresh_token' AND t.\"Status\" = 'redeemed' AND u.\"Email\" = '{email}'");
            Assert.True(redeemed > 0, "no refresh token was redeemed");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connect/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Masuk" })).ToBeVisibleAsync();
    }
}
