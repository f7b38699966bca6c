using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Teleread.Reading.Domain;
using static Teleread.Server.Tests.ReadingWebAppTests;

namespace Teleread.Server.Tests;

/// <summary>The operator's reading roster in real Chromium against the demo (js/radiologist-roster.js).</summary>
public sealed class RadiologistRosterWebAppTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Operator_sees_who_is_on_shift_now_and_edits_capacity_a_subspecialty_an_exclusion_and_a_shift_and_every_other_field_stays()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        var clinicB = d.Demo.Clinics[1].Id;
        using var api = await d.SignInAsync("operator");
        var profiles = JsonNode.Parse(await api.GetStringAsync("/api/reading/radiologists"))!.AsArray();
        var sato = IdOf(profiles, "佐藤 美咲");
        var suzuki = IdOf(profiles, "鈴木 健");
        var url = $"/api/reading/radiologists/{sato}";
        var before = JsonNode.Parse(await api.GetStringAsync(url))!;

        await WithPageAsync(d, "operator", async page =>
        {
            var row = page.Locator($"#roster tr[data-radiologist='{sato}']");
            await row.Locator("[data-edit-radiologist]").WaitForAsync();
            Assert.Equal(3, await page.Locator("#roster tr[data-radiologist]").CountAsync());
            Assert.Equal("6件/時", await row.Locator("[data-field=capacityPerHour]").InnerTextAsync());
            Assert.StartsWith("日月火水木金土 08:00–20:00", await row.Locator("[data-field=shifts]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.StartsWith("日月火水木金土 20:00–08:00", await page.Locator($"#roster tr[data-radiologist='{suzuki}'] [data-field=shifts]").InnerTextAsync(), StringComparison.Ordinal);

            // Day and night shifts in Tokyo: exactly one of the two is on shift now, as the server's own schedule says.
            var satoOn = await OnShiftShownAsync(page, sato);
            var suzukiOn = await OnShiftShownAsync(page, suzuki);
            if (OnShiftNow(before) == OnShiftNow(before, TimeSpan.FromMinutes(2)))
            {
                Assert.Equal(OnShiftNow(before), satoOn);
                Assert.NotEqual(satoOn, suzukiOn);
            }

            await Shot(page, d, "operator-roster");

            await row.Locator("[data-edit-radiologist]").ClickAsync();
            var form = page.Locator("#roster-form");
            await form.WaitForAsync();
            Assert.Equal("6", await form.Locator("[name=capacityPerHour]").InputValueAsync());
            Assert.Equal("Asia/Tokyo", await form.Locator("[name=shiftZone]").InputValueAsync());
            Assert.Equal(7, await form.Locator("tr[data-shift]").CountAsync());
            await form.Locator("[name=capacityPerHour]").FillAsync("9");
            await form.Locator("input[name=subspecialty][value=Cardiac]").CheckAsync();
            await form.Locator($"input[name=excludedClinic][value='{clinicB}']").CheckAsync();
            await form.Locator("tr[data-shift]").First.Locator("[name=shiftHours]").FillAsync("6");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#roster-saved:has-text('保存しました')").WaitForAsync();
            Assert.Equal("", await page.InnerTextAsync("#roster-error"));
            await page.Locator($"#roster tr[data-radiologist='{sato}'] [data-field=capacityPerHour]:has-text('9件/時')").WaitForAsync();
            Assert.StartsWith("日 08:00–14:00 / 月火水木金土 08:00–20:00", await row.Locator("[data-field=shifts]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("みなと整形外科", await row.Locator("[data-field=excludedClinicIds]").InnerTextAsync(), StringComparison.Ordinal);
            await Shot(page, d, "operator-roster-saved");
        });

        var after = JsonNode.Parse(await api.GetStringAsync(url))!;
        Assert.Equal(9, after["capacityPerHour"]!.GetValue<int>());
        Assert.Equal(["Cardiac", "General", "HeadNeck", "Neuro"], Strings(after["subspecialties"]).Order());
        Assert.Equal([clinicB], Strings(after["excludedClinicIds"]));
        var windows = after["shifts"]!["windows"]!.AsArray();
        Assert.Equal("06:00:00", windows[0]!["length"]!.GetValue<string>());
        Assert.Equal("Sunday", windows[0]!["day"]!.GetValue<string>());
        Assert.All(windows.Skip(1), w => Assert.Equal("12:00:00", w!["length"]!.GetValue<string>()));
        foreach (var unchanged in new[] { "id", "name", "boardCertified", "yearsOfExperience", "modalities", "credentials", "languages" })
        {
            Assert.True(JsonNode.DeepEquals(before[unchanged], after[unchanged]), unchanged);
        }
    }

    [Fact]
    public async Task Bad_roster_values_are_refused_in_the_browser_and_a_save_over_another_operators_change_is_refused_and_offers_to_reload()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        using var api = await d.SignInAsync("operator");
        var suzuki = IdOf(JsonNode.Parse(await api.GetStringAsync("/api/reading/radiologists"))!.AsArray(), "鈴木 健");
        var url = $"/api/reading/radiologists/{suzuki}";
        var stored = await api.GetStringAsync(url);

        await WithPageAsync(d, "operator", async page =>
        {
            await page.Locator($"#roster tr[data-radiologist='{suzuki}'] [data-edit-radiologist]").ClickAsync();
            var form = page.Locator("#roster-form");
            await form.WaitForAsync();

            // Nonsense is named field by field, marked, and nothing is sent.
            await form.Locator("[name=capacityPerHour]").FillAsync("0");
            await form.Locator("[name=shiftZone]").FillAsync("Mars/Olympus");
            await form.Locator("[data-add-shift]").ClickAsync();
            await form.Locator("tr[data-shift]").Nth(7).Locator("[name=shiftHours]").FillAsync("30");
            await form.Locator("button[type=submit]").ClickAsync();
            var error = page.Locator("#roster-error");
            await page.Locator("#roster-error:has-text('処理能力は1以上の整数')").WaitForAsync();
            Assert.Contains("タイムゾーン「Mars/Olympus」は不明です。", await error.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("8行目の勤務", await error.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await form.Locator("[name=capacityPerHour]").GetAttributeAsync("aria-invalid"));
            Assert.Equal("true", await form.Locator("tr[data-shift]").Nth(7).Locator("[name=shiftHours]").GetAttributeAsync("aria-invalid"));
            await Shot(page, d, "operator-roster-invalid");
            Assert.Equal(stored, await api.GetStringAsync(url));

            // Fixed, but another operator saves the profile between the form's fresh read and its PUT: 412, said plainly.
            await form.Locator("[name=capacityPerHour]").FillAsync("4");
            await form.Locator("[name=shiftZone]").FillAsync("Asia/Tokyo");
            await form.Locator("tr[data-shift]").Nth(7).Locator("[data-remove-shift]").ClickAsync();
            await page.RouteAsync("**/api/reading/radiologists/*", async route =>
            {
                if (route.Request.Method == "PUT")
                {
                    var other = JsonNode.Parse(await api.GetStringAsync(url))!;
                    other["languages"] = new JsonArray("ja", "en", "de");
                    (await api.PutAsync(url, new StringContent(other.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
                }

                await route.ContinueAsync();
            });
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#roster-conflict:has-text('他の操作者が変更しました')").WaitForAsync();
            Assert.Equal("4", await form.Locator("[name=capacityPerHour]").InputValueAsync());
            await page.UnrouteAllAsync();
            Assert.Equal(6, JsonNode.Parse(await api.GetStringAsync(url))!["capacityPerHour"]!.GetValue<int>());

            // Reload shows the other operator's change; the capacity saved over it keeps it.
            await page.Locator("[data-reload-roster]").ClickAsync();
            await page.Locator("#roster-form [name=languages][value='ja, en, de']").WaitForAsync();
            await page.Locator("#roster-form [name=capacityPerHour]").FillAsync("4");
            await page.Locator("#roster-form button[type=submit]").ClickAsync();
            await page.Locator("#roster-saved:has-text('保存しました')").WaitForAsync();
        });

        var after = JsonNode.Parse(await api.GetStringAsync(url))!;
        Assert.Equal(4, after["capacityPerHour"]!.GetValue<int>());
        Assert.Equal(["ja", "en", "de"], Strings(after["languages"]));
        Assert.Equal(7, after["shifts"]!["windows"]!.AsArray().Count);

        // Radiologists do not see the roster.
        await WithPageAsync(d, "dr.sato", async page =>
        {
            await page.Locator("#home-title").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(0, await page.Locator("#roster").CountAsync());
        });
    }

    private static string IdOf(JsonArray profiles, string name) =>
        profiles.Single(p => p!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>());

    private static async Task<bool> OnShiftShownAsync(IPage page, string id) =>
        await page.Locator($"#roster tr[data-radiologist='{id}'] [data-field=onShift]").GetAttributeAsync("data-value") == "true";

    /// <summary>Whether the server's schedule (the domain's <see cref="ShiftSchedule"/>) has the profile on shift now (+ <paramref name="later"/>).</summary>
    private static bool OnShiftNow(JsonNode profile, TimeSpan later = default) =>
        profile["shifts"].Deserialize<ShiftSchedule>(Api)!.IsOnShift(DateTimeOffset.UtcNow + later);
}
