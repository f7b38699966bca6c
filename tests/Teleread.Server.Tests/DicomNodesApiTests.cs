using System.Net;
using System.Net.Http.Json;
using Dapper;
using Teleread.Data;
using Teleread.Identity;
using Teleread.Testing;

namespace Teleread.Server.Tests;

/// <summary>The operator API for a clinic's DICOM nodes: operator only, validated, unique AE title per clinic, audited; on both databases (migration 0003).</summary>
public sealed class DicomNodesApiTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_operator_adds_lists_and_removes_a_clinics_nodes_and_each_change_is_audited(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var (clinic, client) = await ClinicAndOperatorAsync(server);
        using var _ = client;
        var nodes = $"/api/clinics/{clinic.Id}/dicom-nodes";

        var created = await client.PostAsJsonAsync(nodes, new { aeTitle = "PACS_A", host = "127.0.0.1", port = 104, useTls = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var node = (await created.Content.ReadFromJsonAsync<DicomNode>())!;
        Assert.Equal(("PACS_A", "127.0.0.1", 104, true), (node.AeTitle, node.Host, node.Port, node.UseTls));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync(nodes, new { aeTitle = "PACS_A", host = "10.0.0.1", port = 11112 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(nodes, new { aeTitle = "WAY_TOO_LONG_AE_TITLE", host = "h", port = 104 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(nodes, new { aeTitle = "OK", host = "h", port = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/clinics/nope/dicom-nodes", new { aeTitle = "X", host = "h", port = 104 })).StatusCode);

        var listed = await client.GetFromJsonAsync<List<DicomNode>>(nodes);
        Assert.Equal(node.Id, Assert.Single(listed!).Id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{nodes}/{node.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{nodes}/{node.Id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<DicomNode>>(nodes))!);

        var audit = await client.GetStringAsync("/api/audit?limit=50");
        Assert.Contains("dicom-node.add", audit, StringComparison.Ordinal);
        Assert.Contains("dicom-node.remove", audit, StringComparison.Ordinal);
        Assert.Contains("PACS_A@127.0.0.1:104 tls", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinic_users_cannot_see_or_change_dicom_nodes()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        var clinic = await identity.CreateClinicAsync("Node clinic", ["NODE_CLINIC"], CancellationToken.None);
        var staff = await identity.CreateUserAsync("staff", "Staff", Role.ClinicUser, clinic.Id, "pw-staff-123", CancellationToken.None);
        using var client = server.CreateClient(await identity.IssueTokenAsync(staff.Id, clinic.Id, "test", CancellationToken.None));
        var nodes = $"/api/clinics/{clinic.Id}/dicom-nodes";

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(nodes)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(nodes, new { aeTitle = "PACS", host = "127.0.0.1", port = 104 })).StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_operators_adding_the_same_AE_title_at_once_get_one_201_and_one_409_never_a_500(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var (clinic, client) = await ClinicAndOperatorAsync(server);
        using var _ = client;
        var nodes = $"/api/clinics/{clinic.Id}/dicom-nodes";
        var db = server.Service<IDatabase>();
        if (db.Dialect == SqlDialectKind.Postgres)
        {
            // The other operator's insert is made and not yet committed: this request checks, finds no such node, inserts and waits.
            await using var other = await db.OpenAsync(CancellationToken.None);
            await using var tx = await other.BeginTransactionAsync();
            await other.ExecuteAsync("INSERT INTO clinic_dicom_nodes (id, clinic_id, ae_title, host, port, use_tls, created_at) VALUES ('other', @Id, 'PACS_RACE', 'h', 104, 0, 0)",
                new { clinic.Id }, tx);
            var adding = client.PostAsJsonAsync(nodes, new { aeTitle = "PACS_RACE", host = "127.0.0.1", port = 104 });
            await LockWaiters.WaitForAsync(db, "the request never waited on the other insert");

            await tx.CommitAsync();
            Assert.Equal(HttpStatusCode.Conflict, (await adding).StatusCode);
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync(nodes, new { aeTitle = "PACS_MANY", host = "127.0.0.1", port = 104 })));
        Assert.Equal(1, concurrent.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, concurrent.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    /// <summary>A clinic with one AE title, and a client signed in as an operator.</summary>
    private static async Task<(Clinic Clinic, HttpClient Client)> ClinicAndOperatorAsync(RunningServer server)
    {
        var identity = server.Service<IdentityStore>();
        var clinic = await identity.CreateClinicAsync("Node clinic", ["NODE_CLINIC"], CancellationToken.None);
        var op = await identity.CreateUserAsync("op", "Operator", Role.Operator, null, "pw-op-123", CancellationToken.None);
        return (clinic, server.CreateClient(await identity.IssueTokenAsync(op.Id, null, "test", CancellationToken.None)));
    }
}
