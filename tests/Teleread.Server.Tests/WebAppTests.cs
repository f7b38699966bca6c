using Microsoft.Extensions.Options;
using Teleread.Server.Configuration;
using Teleread.Server.Demo;

namespace Teleread.Server.Tests;

public sealed class WebAppTests
{
    [Fact]
    public async Task Operator_signs_in_in_the_browser_and_sees_the_clinics_and_the_radiologist_directory()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var demo = await server.Service<DemoSeeder>().EnsureAsync(server.Service<IOptions<TelereadOptions>>().Value, server.BaseAddress.ToString(), CancellationToken.None);
        var op = demo.Users.Single(u => u.Role == "Operator");
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { Locale = "ja-JP" });
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.Locator(".radiologist").First.WaitForAsync();
            Assert.Equal(3, await page.Locator(".radiologist").CountAsync());

            await page.FillAsync("input[name=login]", op.Login);
            await page.FillAsync("input[name=password]", "wrong password");
            await page.ClickAsync("button[type=submit]");
            await page.Locator("#login-error:has-text('パスワード')").WaitForAsync();

            await page.FillAsync("input[name=password]", op.Password);
            await page.ClickAsync("button[type=submit]");
            await page.Locator("#clinics").WaitForAsync();
            var clinics = await page.InnerTextAsync("#clinics");
            Assert.Contains("DEMO_CLINIC_A", clinics, StringComparison.Ordinal);
            Assert.Contains("DEMO_CLINIC_B", clinics, StringComparison.Ordinal);
            Assert.Contains("運用", await page.InnerTextAsync("#home-title"), StringComparison.Ordinal);

            await page.ScreenshotAsync(new() { Path = Path.Combine(server.DataDirectory, "..", "teleread-operator-home.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
