using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Teleread.Identity;
using static Teleread.Server.Tests.ReadingWebAppTests;

namespace Teleread.Server.Tests;

/// <summary>The operator's clinic contract editor in real Chromium against the demo (js/clinic-contracts.js).</summary>
public sealed class ClinicContractWebAppTests
{
    [Fact]
    public async Task Operator_turns_off_requests_from_images_and_makes_them_urgent_and_every_other_contract_field_stays()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        var clinic = d.Demo.Clinics[0].Id;
        var bare = await d.Server.Service<IdentityStore>().CreateClinicAsync("契約前クリニック", ["AE_NO_CONTRACT"], CancellationToken.None);
        using var api = await d.SignInAsync("operator");
        var url = $"/api/reading/clinics/{clinic}";
        var before = JsonNode.Parse(await api.GetStringAsync(url))!;
        Assert.True(before["contract"]!["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/reading/clinics/{bare.Id}")).StatusCode);

        await WithPageAsync(d, "operator", async page =>
        {
            var row = page.Locator($"#clinics tr[data-clinic='{clinic}']");
            await row.Locator("[data-edit-contract]").WaitForAsync();
            Assert.Equal("DEMO-001", await row.Locator("[data-field=contractNumber]").InnerTextAsync());
            Assert.Equal("オン", await row.Locator("[data-field=createRequestsFromImages]").InnerTextAsync());
            Assert.Equal("Routine", await row.Locator("[data-field=imageOnlyPriority]").GetAttributeAsync("data-value"));

            // A clinic the reading centre has no contract with (GET answers 404) is listed as such, to be created, not edited.
            var bareRow = page.Locator($"#clinics tr[data-clinic='{bare.Id}']");
            Assert.Contains("読影契約なし", await bareRow.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await bareRow.Locator("[data-edit-contract]").CountAsync());
            Assert.Equal(1, await bareRow.Locator("[data-create-contract]").CountAsync());

            await row.Locator("[data-edit-contract]").ClickAsync();
            var form = page.Locator("#contract-form");
            await form.WaitForAsync();
            Assert.Equal("DEMO-001", await form.Locator("[name=contractNumber]").InputValueAsync());
            await form.Locator("[name=createRequestsFromImages]").UncheckAsync();
            await form.Locator("[name=imageOnlyPriority]").SelectOptionAsync("Urgent");

            // The API refuses a blank contract number: its problem detail is shown and what was typed stays.
            await form.Locator("[name=contractNumber]").FillAsync("");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-error:has-text('The contract number is required.')").WaitForAsync();
            Assert.False(await form.Locator("[name=createRequestsFromImages]").IsCheckedAsync());
            Assert.Equal("Urgent", await form.Locator("[name=imageOnlyPriority]").InputValueAsync());
            Assert.True(JsonNode.DeepEquals(before, JsonNode.Parse(await api.GetStringAsync(url))));
            await Shot(page, d, "operator-contract-error");

            await form.Locator("[name=contractNumber]").FillAsync("DEMO-001");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-saved:has-text('保存しました')").WaitForAsync();
            Assert.Equal("", await page.InnerTextAsync("#contract-error"));
            await page.Locator($"#clinics tr[data-clinic='{clinic}'] [data-field=createRequestsFromImages]:has-text('オフ')").WaitForAsync();
            Assert.Equal("Urgent", await row.Locator("[data-field=imageOnlyPriority]").GetAttributeAsync("data-value"));
            await Shot(page, d, "operator-contract-saved");
        });

        var expected = before.DeepClone();
        expected["contract"]!["createRequestsFromImages"] = false;
        expected["contract"]!["imageOnlyPriority"] = "Urgent";
        var after = JsonNode.Parse(await api.GetStringAsync(url))!;
        Assert.True(JsonNode.DeepEquals(expected, after), $"expected {expected.ToJsonString()}\nactual   {after.ToJsonString()}");
    }

    [Fact]
    public async Task Operator_creates_a_contract_for_a_clinic_without_one_edits_an_SLA_target_sees_it_after_reload_and_bad_targets_are_refused_in_the_browser()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        var bare = await d.Server.Service<IdentityStore>().CreateClinicAsync("新規クリニック", ["AE_NEW"], CancellationToken.None);
        using var api = await d.SignInAsync("operator");
        var url = $"/api/reading/clinics/{bare.Id}";

        await WithPageAsync(d, "operator", async page =>
        {
            var row = page.Locator($"#clinics tr[data-clinic='{bare.Id}']");
            await row.Locator("[data-create-contract]").ClickAsync();
            var form = page.Locator("#contract-form[data-mode=create]");
            await form.WaitForAsync();

            // The defaults are shown and editable: 24/7 terms in Asia/Tokyo, requests from images on, starting today.
            Assert.Equal("", await form.Locator("[name=contractNumber]").InputValueAsync());
            Assert.NotEqual("", await form.Locator("[name=startsOn]").InputValueAsync());
            Assert.True(await form.Locator("[name=createRequestsFromImages]").IsCheckedAsync());
            Assert.Equal("Asia/Tokyo", await form.Locator("[name=timeZoneId]").InputValueAsync());
            Assert.Equal("60", await form.Locator("#sla-terms tr[data-priority=Urgent] [name=urgentMinutes]").InputValueAsync());
            Assert.Equal("15:00", await form.Locator("#sla-terms tr[data-priority=SameDay] [name=sameDayCutoff]").InputValueAsync());
            Assert.Equal("20:00", await form.Locator("#sla-terms tr[data-priority=SameDay] [name=sameDayDue]").InputValueAsync());
            Assert.Equal("24", await form.Locator("#sla-terms tr[data-priority=Routine] [name=routineHours]").InputValueAsync());
            await Shot(page, d, "operator-contract-create");

            await form.Locator("[name=contractNumber]").FillAsync("NEW-001");
            await form.Locator("[name=urgentMinutes]").FillAsync("30");
            await form.Locator("[name=requiresSecondReading]").CheckAsync();
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-saved:has-text('作成しました')").WaitForAsync();
            await page.Locator("#contract-form[data-mode=edit]").WaitForAsync();
            await row.Locator("[data-edit-contract]").WaitForAsync();
            Assert.Equal("NEW-001", await row.Locator("[data-field=contractNumber]").InnerTextAsync());

            // Nonsense targets are refused in the browser with a message naming what to fix, and nothing is sent.
            var edit = page.Locator("#contract-form[data-mode=edit]");
            var stored = await api.GetStringAsync(url);
            await edit.Locator("[name=urgentMinutes]").FillAsync("0");
            await edit.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-error:has-text('緊急の目標は1以上の整数（分）で入力してください。')").WaitForAsync();
            Assert.Equal("true", await edit.Locator("[name=urgentMinutes]").GetAttributeAsync("aria-invalid"));
            await edit.Locator("[name=urgentMinutes]").FillAsync("900");
            await edit.Locator("[name=routineHours]").FillAsync("12");
            await edit.Locator("[name=sameDayDue]").FillAsync("14:00");
            await edit.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-error:has-text('緊急の目標（900分）が通常の目標（12時間）より長くなっています。')").WaitForAsync();
            Assert.Contains("当日の期限は受付締切より後の時刻にしてください。", await page.InnerTextAsync("#contract-error"), StringComparison.Ordinal);
            Assert.Equal("", await page.InnerTextAsync("#contract-saved"));
            await Shot(page, d, "operator-contract-sla-invalid");
            Assert.Equal(stored, await api.GetStringAsync(url));

            await edit.Locator("[name=urgentMinutes]").FillAsync("45");
            await edit.Locator("[name=sameDayDue]").FillAsync("19:30");
            await edit.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-saved:has-text('保存しました')").WaitForAsync();
            Assert.Equal("", await page.InnerTextAsync("#contract-error"));

            // After a reload of the page the table and the form show the saved targets.
            await page.ReloadAsync();
            var sla = page.Locator($"#clinics tr[data-clinic='{bare.Id}'] [data-field=sla]");
            await sla.WaitForAsync();
            Assert.Equal("緊急 45分 / 当日 15:00までに受付→19:30 / 通常 12時間", await sla.InnerTextAsync());
            await page.Locator($"#clinics tr[data-clinic='{bare.Id}'] [data-edit-contract]").ClickAsync();
            var reopened = page.Locator("#contract-form[data-mode=edit]");
            await reopened.WaitForAsync();
            Assert.Equal("45", await reopened.Locator("[name=urgentMinutes]").InputValueAsync());
            Assert.Equal("12", await reopened.Locator("[name=routineHours]").InputValueAsync());
            Assert.Equal("19:30", await reopened.Locator("[name=sameDayDue]").InputValueAsync());
            Assert.True(await reopened.Locator("[name=requiresSecondReading]").IsCheckedAsync());
        });

        var after = JsonNode.Parse(await api.GetStringAsync(url))!;
        Assert.Equal("新規クリニック", after["name"]!.GetValue<string>());
        Assert.Equal("AE_NEW", after["aeTitles"]![0]!.GetValue<string>());
        var k = after["contract"]!;
        Assert.Equal("NEW-001", k["contractNumber"]!.GetValue<string>());
        Assert.True(k["requiresSecondReading"]!.GetValue<bool>());
        Assert.True(k["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal(45, k["sla"]!["urgentMinutes"]!.GetValue<int>());
        Assert.Equal(12, k["sla"]!["routineHours"]!.GetValue<int>());
        Assert.Equal("15:00:00", k["sla"]!["sameDayCutoff"]!.GetValue<string>());
        Assert.Equal("19:30:00", k["sla"]!["sameDayDue"]!.GetValue<string>());
        Assert.Equal("Asia/Tokyo", k["sla"]!["timeZoneId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Operator_editing_an_SLA_target_keeps_every_other_field_and_is_told_to_reload_when_another_operator_got_there_first()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        var clinic = d.Demo.Clinics[0].Id;
        var bare = await d.Server.Service<IdentityStore>().CreateClinicAsync("競合クリニック", ["AE_RACE"], CancellationToken.None);
        using var api = await d.SignInAsync("operator");
        var url = $"/api/reading/clinics/{clinic}";
        var bareUrl = $"/api/reading/clinics/{bare.Id}";
        var before = JsonNode.Parse(await api.GetStringAsync(url))!;

        await WithPageAsync(d, "operator", async page =>
        {
            // An SLA change alone: everything else of the clinic (contacts, AE titles, other terms) stays as stored.
            await page.Locator($"#clinics tr[data-clinic='{clinic}'] [data-edit-contract]").ClickAsync();
            var form = page.Locator("#contract-form[data-mode=edit]");
            await form.WaitForAsync();
            await form.Locator("[name=routineHours]").FillAsync("36");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-saved:has-text('保存しました')").WaitForAsync();
            var expected = before.DeepClone();
            expected["contract"]!["sla"]!["routineHours"] = 36;
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await api.GetStringAsync(url))));

            // Another operator saves between the form's fresh read and its PUT: 412, said plainly, nothing of it saved.
            await page.RouteAsync("**/api/reading/clinics/*", async route =>
            {
                if (route.Request.Method == "PUT")
                {
                    var other = JsonNode.Parse(await api.GetStringAsync(url))!;
                    other["contract"]!["contractNumber"] = "DEMO-001-B";
                    (await api.PutAsync(url, new StringContent(other.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
                }

                await route.ContinueAsync();
            });
            await form.Locator("[name=urgentMinutes]").FillAsync("20");
            await form.Locator("button[type=submit]").ClickAsync();
            var conflict = page.Locator("#contract-conflict:has-text('他の操作者が変更しました')");
            await conflict.WaitForAsync();
            Assert.Equal("20", await form.Locator("[name=urgentMinutes]").InputValueAsync());
            await Shot(page, d, "operator-contract-conflict");
            await page.UnrouteAllAsync();
            var stored = JsonNode.Parse(await api.GetStringAsync(url))!;
            Assert.Equal("DEMO-001-B", stored["contract"]!["contractNumber"]!.GetValue<string>());
            Assert.Equal(before["contract"]!["sla"]!["urgentMinutes"]!.GetValue<int>(), stored["contract"]!["sla"]!["urgentMinutes"]!.GetValue<int>());
            await conflict.Locator("[data-reload-contract]").ClickAsync();
            await page.Locator("#contract-form[data-mode=edit] [name=contractNumber][value='DEMO-001-B']").WaitForAsync();
            Assert.Equal("DEMO-001-B", await page.Locator($"#clinics tr[data-clinic='{clinic}'] [data-field=contractNumber]").InnerTextAsync());

            // A creation racing another operator's: the form opened before that contract existed is refused, not saved over it.
            await page.Locator($"#clinics tr[data-clinic='{bare.Id}'] [data-create-contract]").ClickAsync();
            var create = page.Locator("#contract-form[data-mode=create]");
            await create.WaitForAsync();
            var theirs = JsonSerializer.SerializeToNode(ReadingApiTests.Contract(bare.Id))!;
            theirs["contract"]!["contractNumber"] = "THEIRS-1";
            var put = new HttpRequestMessage(HttpMethod.Put, bareUrl) { Content = new StringContent(theirs.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            put.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
            Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(put)).StatusCode);
            await create.Locator("[name=contractNumber]").FillAsync("MINE-1");
            await create.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#contract-conflict:has-text('他の操作者がすでに作成しました')").WaitForAsync();
            Assert.Equal("THEIRS-1", JsonNode.Parse(await api.GetStringAsync(bareUrl))!["contract"]!["contractNumber"]!.GetValue<string>());
            await page.ClickAsync("#contract-conflict [data-reload-contract]");
            await page.Locator("#contract-form[data-mode=edit] [name=contractNumber][value='THEIRS-1']").WaitForAsync();
            await page.Locator($"#clinics tr[data-clinic='{bare.Id}'] [data-edit-contract]").WaitForAsync();
        });
    }

    [Theory]
    [InlineData("clinic-a")]
    [InlineData("dr.sato")]
    public async Task Clinic_users_and_radiologists_get_no_clinics_table_and_no_contract_form(string login)
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        await WithPageAsync(d, login, async page =>
        {
            await page.Locator(login == "clinic-a" ? "#audit" : "#worklist").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var selector in new[] { "#clinics", "#contract-form", "[data-edit-contract]", "#clinic-contracts" })
            {
                Assert.Equal(0, await page.Locator(selector).CountAsync());
            }
        });
    }
}
