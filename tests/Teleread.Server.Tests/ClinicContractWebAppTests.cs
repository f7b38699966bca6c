using System.Net;
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

            // A clinic the reading centre has no contract with (GET answers 404) is listed as such, with nothing to edit.
            var bareRow = page.Locator($"#clinics tr[data-clinic='{bare.Id}']");
            Assert.Contains("読影契約なし", await bareRow.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await bareRow.Locator("[data-edit-contract]").CountAsync());

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
