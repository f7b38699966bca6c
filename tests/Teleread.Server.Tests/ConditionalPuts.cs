using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Teleread.Identity;

namespace Teleread.Server.Tests;

/// <summary>Reading a document with its ETag and saving it back with If-Match or If-None-Match: *, as the operator's forms do.</summary>
internal static class ConditionalPuts
{
    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, string url, JsonNode body)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        put.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        return client.SendAsync(put);
    }

    public static async Task<(JsonNode Body, string Tag)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, JsonNode body, string tag)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(tag));
        return client.SendAsync(put);
    }

    /// <summary>A save refused because the document changed since it was read: 412 with the code and a hint to reload.</summary>
    public static async Task AssertRefusedAsChangedAsync(HttpResponseMessage refused)
    {
        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("ConcurrencyConflict", problem["code"]!.GetValue<string>());
        Assert.Contains("reload", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Two clients saving over the same version at the same moment, four rounds: exactly one wins each round.</summary>
    public static async Task AssertOneOfTwoSimultaneousSavesWinsAsync(HttpClient first, HttpClient second, string url, Action<JsonNode, int, int> change)
    {
        for (var round = 0; round < 4; round++)
        {
            var (current, currentTag) = await ReadAsync(first, url);
            var answers = await Task.WhenAll(new[] { first, second }.Select((client, i) =>
            {
                var body = current.DeepClone();
                change(body, round, i);
                return PutAsync(client, url, body, currentTag);
            }));
            Assert.Single(answers, r => r.StatusCode == System.Net.HttpStatusCode.OK);
            Assert.Single(answers, r => r.StatusCode == System.Net.HttpStatusCode.PreconditionFailed);
        }
    }

    public static async Task<HttpClient> ClientAsync(RunningServer server, IdentityStore identity, string login, Role role, string? clinicId)
    {
        var user = await identity.CreateUserAsync(login, login, role, clinicId, "pw-" + login + "-123456", CancellationToken.None);
        return server.CreateClient(await identity.IssueTokenAsync(user.Id, clinicId, "test", CancellationToken.None));
    }
}
