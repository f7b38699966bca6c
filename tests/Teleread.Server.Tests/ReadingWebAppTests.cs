using Microsoft.Playwright;

namespace Teleread.Server.Tests;

/// <summary>The reading views in real Chromium against the demo: radiologist worklist and case, operator board, clinic requests.</summary>
public sealed class ReadingWebAppTests
{
    [Fact]
    public async Task Radiologist_sees_the_urgent_case_with_its_picture_opens_the_timeline_and_reports_it()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        await WithPageAsync(d, "dr.sato", async page =>
        {
            var urgent = page.Locator("#worklist .case[data-priority=Urgent]");
            await urgent.WaitForAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#worklist .case[data-priority=Urgent] img.thumb')].every(i => i.complete && i.naturalWidth > 0)");
            Assert.Contains("MR", await urgent.InnerTextAsync(), StringComparison.Ordinal);
            await page.Locator("#worklist .sla").First.WaitForAsync();
            await Shot(page, d, "radiologist-worklist");

            await urgent.Locator("[data-open]").ClickAsync();
            await page.Locator("#case-dialog #timeline").WaitForAsync();
            Assert.True(await page.Locator("#case-dialog #timeline tr").CountAsync() >= 4);
            Assert.Contains("割当済", await page.InnerTextAsync("#case-dialog #timeline"), StringComparison.Ordinal);
            await Shot(page, d, "radiologist-case");

            foreach (var (command, state) in new[] { ("StartReading", "読影中"), ("SubmitPreliminary", "一次報告"), ("Finalize", "確定") })
            {
                await page.ClickAsync($"#case-dialog button[data-command={command}]");
                await page.Locator($"#case-dialog #timeline tr:last-child:has-text('{state}')").WaitForAsync();
            }

            await page.ClickAsync("#case-close");
            await page.Locator("#worklist .case[data-priority=Urgent]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        });
    }

    [Fact]
    public async Task Operator_sees_the_queue_chart_and_a_notification_once_a_case_is_at_risk()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        await d.AdvanceAsync(TimeSpan.FromMinutes(31));
        await WithPageAsync(d, "operator", async page =>
        {
            await page.Locator("#queue-chart rect.bar").First.WaitForAsync();
            Assert.True(await page.Locator("#queue-chart rect.bar[data-priority=Urgent]").CountAsync() >= 1);
            await page.Locator("#notifications .kind-AtRisk").First.WaitForAsync();
            await page.Locator("#notif-badge.alerting").WaitForAsync();
            Assert.True(await page.Locator("#at-risk tr[data-id]").CountAsync() >= 1);
            await Shot(page, d, "operator-dashboard");

            await page.ClickAsync("#notifications [data-ack]");
            await page.Locator("#notifications .kind-AtRisk").WaitForAsync(new() { State = WaitForSelectorState.Detached });

            // Reassign the at-risk urgent case from dr.sato to dr.suzuki.
            var row = page.Locator("#at-risk tr[data-id]").First;
            Assert.Contains("佐藤", await row.InnerTextAsync(), StringComparison.Ordinal);
            await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "鈴木 健 (Takeshi Suzuki, MD)" });
            await row.Locator("[data-reassign]").ClickAsync();
            await page.Locator("#at-risk tr[data-id]:has-text('鈴木')").WaitForAsync();
        });
    }

    [Fact]
    public async Task Clinic_user_sees_its_requests_marks_images_complete_and_opens_a_new_request()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        await WithPageAsync(d, "clinic-a", async page =>
        {
            await page.Locator("#requests tr[data-id]").First.WaitForAsync();
            var complete = page.Locator("#requests [data-complete]");
            Assert.Equal(1, await complete.CountAsync());
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#requests img.thumb')].every(i => i.complete)");
            await Shot(page, d, "clinic-requests");
            await complete.ClickAsync();
            await page.Locator("#requests [data-complete]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

            var before = await page.Locator("#requests tr[data-id]").CountAsync();
            await page.FillAsync("#new-request [name=patientId]", "P-9001");
            await page.FillAsync("#new-request [name=studyReference]", "1.2.392.200036.9999.1");
            await page.FillAsync("#new-request [name=clinicalQuestion]", "胸痛");
            await page.FillAsync("#new-request [name=requestingDoctor]", "山田");
            await page.SelectOptionAsync("#new-request [name=priority]", "Urgent");
            await page.ClickAsync("#new-request button[type=submit]");
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('#requests tr[data-id]').length === {before + 1}");
        });
    }

    internal static async Task WithPageAsync(DemoServer d, string login, Func<IPage, Task> test)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1200, Height = 900 } });
            await page.GotoAsync(d.Server.BaseAddress.ToString());
            await page.FillAsync("input[name=login]", login);
            await page.FillAsync("input[name=password]", d.User(login).Password);
            await page.ClickAsync("button[type=submit]");
            await test(page);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Screenshots land beside the test's data directory (kept after the run) for a human look.</summary>
    internal static Task Shot(IPage page, DemoServer d, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(d.Server.DataDirectory, "..", $"teleread-{name}.png"), FullPage = true });
}
