using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tinjau.Portal.BrowserTests;

/// <summary>What every page visit checks and keeps: an accessibility scan (axe) and a full-page screenshot.</summary>
public static class PageChecks
{
    /// <summary>No serious or critical axe violation (WCAG 2.1 A and AA rules).</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalPlatformFixture.ArtifactsDirectory, name + ".png"), FullPage = true });

    /// <summary>Screenshot and accessibility scan of the page as it is now.</summary>
    public static async Task InspectAsync(this IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        await page.AssertAccessibleAsync(name);
    }

    public static async Task<string> MainTextAsync(this IPage page) => await page.Locator("main").InnerTextAsync();

    /// <summary>Signs a demo user in on the portal (code + PKCE through Identity's form) and waits for <paramref name="returnTo"/>.</summary>
    public static async Task SignInAsync(this IPage page, string user, string returnTo)
    {
        await page.GotoAsync($"/akun/masuk?kembali={Uri.EscapeDataString(returnTo)}");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", PortalPlatformFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnTo.Split('?')[0]);
    }
}
