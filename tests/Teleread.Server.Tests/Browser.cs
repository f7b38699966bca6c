using Microsoft.Playwright;
using Teleread.Testing;

namespace Teleread.Server.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download): the flags the machine needs.</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var chromium = RequiredTool.Find("chromium", "chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
