using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Archive.Commitment;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Identity;
using Teleread.Server.Dimse;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// Storage Commitment reports the requesting association could not take: kept in the database outbox and sent to the
/// clinic's node (Teleread's own <see cref="DicomServer"/> with an N-EVENT-REPORT handler, as DCMTK's storescp cannot
/// receive one) with backoff, across restarts, never to another clinic's node, given up on after the age limit.
/// The server's clock is a <see cref="FakeTimeProvider"/> the tests move; the sender polls every 50 ms of real time.
/// </summary>
public sealed class StorageCommitmentOutboxTests
{
    private const string Syntax = "1.2.840.10008.1.2.1";
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_report_for_a_node_that_is_down_is_retried_with_doubling_delays_and_delivered_once_the_node_is_up(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var server = await DimseTestServer.StartAsync(provider, Services(clock));
        var port = UnusedPort();
        await server.RegisterNodeAsync(server.ClinicA, "MODALITY_A", port);

        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.501")).IsSuccess);
        var first = await WaitForEntryAsync(server, e => e.Attempts == 1);
        Assert.Equal(T0.AddSeconds(10), first.NextAttemptAt);
        Assert.Contains($"127.0.0.1:{port}", first.LastError, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(500);
        Assert.Equal(1, (await WaitForEntryAsync(server, _ => true)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await WaitForEntryAsync(server, e => e.Attempts == 2);
        Assert.Equal(T0.AddSeconds(30), second.NextAttemptAt);

        await using var node = ClinicNode.Start(port);
        clock.Advance(TimeSpan.FromSeconds(20));
        var report = await node.NextAsync();

        Assert.Equal("TELEREAD", report.Context.CallingAeTitle);
        Assert.Equal((ushort)2, report.EventTypeId);
        Assert.Equal("2.25.501", report.DataSet!.GetString(DicomTags.TransactionUID));
        Assert.Equal(2, report.DataSet.GetSequence(DicomTags.FailedSOPSequence)!.Items.Count);
        await WaitForEmptyOutboxAsync(server);
        Assert.Equal(1, node.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_pending_report_is_delivered_by_the_restarted_server(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var before = await DimseTestServer.StartAsync(provider, Services(clock));
        var port = UnusedPort();
        await before.RegisterNodeAsync(before.ClinicA, "MODALITY_A", port);
        Assert.True((await RequestWithoutScpRoleAsync(before, "MODALITY_A", "2.25.502")).IsSuccess);
        await WaitForEntryAsync(before, e => e.Attempts == 1);

        await using var after = await before.RestartAsync(Services(clock));
        await using var node = ClinicNode.Start(port);
        clock.Advance(TimeSpan.FromSeconds(10));
        var report = await node.NextAsync();

        Assert.Equal("2.25.502", report.DataSet!.GetString(DicomTags.TransactionUID));
        await WaitForEmptyOutboxAsync(after);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_report_still_undelivered_after_seven_days_is_marked_failed_kept_and_never_sent_again(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var server = await DimseTestServer.StartAsync(provider, Services(clock));
        var port = UnusedPort();
        await server.RegisterNodeAsync(server.ClinicA, "MODALITY_A", port);
        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.503")).IsSuccess);
        await WaitForEntryAsync(server, e => e.Attempts == 1);

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var lastPending = await WaitForEntryAsync(server, e => e.Attempts == 2);
        Assert.Equal(CommitmentReportState.Pending, lastPending.State);
        clock.Advance(TimeSpan.FromMinutes(2));
        var failed = await WaitForEntryAsync(server, e => e.State == CommitmentReportState.Failed);

        Assert.Equal((3, T0.AddDays(7).AddMinutes(1)), (failed.Attempts, failed.FailedAt));
        Assert.Contains($"127.0.0.1:{port}", failed.LastError, StringComparison.Ordinal);
        await using var node = ClinicNode.Start(port);
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);
        Assert.Equal(0, node.Count);
        Assert.Equal(3, (await WaitForEntryAsync(server, _ => true)).Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_report_never_goes_to_another_clinics_node_with_the_same_ae_title(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var server = await DimseTestServer.StartAsync(provider, Services(clock));
        await using var otherClinicsNode = ClinicNode.Start(0);
        await server.RegisterNodeAsync(server.ClinicB, "MODALITY_A", otherClinicsNode.Port);

        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.504")).IsSuccess);
        var first = await WaitForEntryAsync(server, e => e.Attempts == 1);
        Assert.Equal("the clinic registered no DICOM node with AE title MODALITY_A", first.LastError);
        Assert.Equal(server.ClinicA.Id, first.ClinicId);
        clock.Advance(TimeSpan.FromSeconds(10));
        await WaitForEntryAsync(server, e => e.Attempts == 2);

        await using var ownNode = ClinicNode.Start(0);
        await server.RegisterNodeAsync(server.ClinicA, "MODALITY_A", ownNode.Port);
        clock.Advance(TimeSpan.FromSeconds(20));
        var report = await ownNode.NextAsync();

        Assert.Equal("2.25.504", report.DataSet!.GetString(DicomTags.TransactionUID));
        await WaitForEmptyOutboxAsync(server);
        Assert.Equal(0, otherClinicsNode.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Operators_see_pending_reports_without_the_data_set_and_clinics_are_refused(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var server = await DimseTestServer.StartAsync(provider, Services(clock));
        using var people = await People.CreateAsync(server);
        var (ops, staff, op, clinic) = (people.Operator, people.Staff, people.OperatorClient, people.ClinicClient);
        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.505")).IsSuccess);
        await WaitForEntryAsync(server, e => e.Attempts == 1);

        var listed = await op.GetFromJsonAsync<JsonElement[]>("/api/admin/dicom/commitment-reports");
        var refused = await clinic.GetAsync("/api/admin/dicom/commitment-reports");
        var noFailed = await op.GetFromJsonAsync<JsonElement[]>("/api/admin/dicom/commitment-reports?state=failed");
        var badState = await op.GetAsync("/api/admin/dicom/commitment-reports?state=sent");

        var entry = Assert.Single(listed!);
        Assert.Equal((server.ClinicA.Id, "MODALITY_A", "2.25.505", "pending"),
            (entry.GetProperty("clinicId").GetString(), entry.GetProperty("callingAeTitle").GetString(), entry.GetProperty("transactionUid").GetString(), entry.GetProperty("state").GetString()));
        Assert.Equal((2, 0, 2, 1), (entry.GetProperty("eventTypeId").GetInt32(), entry.GetProperty("committed").GetInt32(), entry.GetProperty("failed").GetInt32(), entry.GetProperty("attempts").GetInt32()));
        Assert.Equal(T0.AddSeconds(10), entry.GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.False(entry.TryGetProperty("eventInformation", out _));
        Assert.DoesNotContain("2.25.1", entry.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(noFailed!);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        var audit = await op.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=200") ?? [];
        var outcomes = audit.Where(e => e.GetProperty("resource").GetString() == "/api/admin/dicom/commitment-reports")
            .Select(e => (e.GetProperty("actorUserId").GetString(), e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains((ops.Id, "200"), outcomes);
        Assert.Contains((staff.Id, "403"), outcomes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_report_the_operator_requeues_is_delivered_and_one_they_discard_is_gone(string provider)
    {
        var clock = new FakeTimeProvider(T0);
        await using var server = await DimseTestServer.StartAsync(provider, Services(clock));
        using var people = await People.CreateAsync(server);
        var (op, clinic) = (people.OperatorClient, people.ClinicClient);
        var port = UnusedPort();
        await server.RegisterNodeAsync(server.ClinicA, "MODALITY_A", port);

        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.508")).IsSuccess);
        var discarded = await WaitForEntryAsync(server, e => e.Attempts == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.DeleteAsync($"/api/admin/dicom/commitment-reports/{discarded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/admin/dicom/commitment-reports/{discarded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync($"/api/admin/dicom/commitment-reports/{discarded.Id}")).StatusCode);
        await WaitForEmptyOutboxAsync(server);

        Assert.True((await RequestWithoutScpRoleAsync(server, "MODALITY_A", "2.25.506")).IsSuccess);
        var pending = await WaitForEntryAsync(server, e => e.Attempts == 1);
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync($"/api/admin/dicom/commitment-reports/{pending.Id}/requeue", null)).StatusCode);
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var failed = await WaitForEntryAsync(server, e => e.State == CommitmentReportState.Failed);

        await using var node = ClinicNode.Start(port);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.PostAsync($"/api/admin/dicom/commitment-reports/{failed.Id}/requeue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsync("/api/admin/dicom/commitment-reports/no-such-report/requeue", null)).StatusCode);
        var requeued = await op.PostAsync($"/api/admin/dicom/commitment-reports/{failed.Id}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        var view = await requeued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("pending", clock.GetUtcNow()), (view.GetProperty("state").GetString(), view.GetProperty("requeuedAt").GetDateTimeOffset()));
        var report = await node.NextAsync();

        Assert.Equal("2.25.506", report.DataSet!.GetString(DicomTags.TransactionUID));
        await WaitForEmptyOutboxAsync(server);
        Assert.Equal(1, node.Count);
    }

    /// <summary>An operator and a user of clinic A, each with an API client.</summary>
    private sealed record People(User Operator, User Staff, HttpClient OperatorClient, HttpClient ClinicClient) : IDisposable
    {
        public static async Task<People> CreateAsync(DimseTestServer server)
        {
            var identity = server.Server.Service<IdentityStore>();
            var ct = CancellationToken.None;
            var ops = await identity.CreateUserAsync("ops", "Operator", Role.Operator, null, "password-o-123", ct);
            var staff = await identity.CreateUserAsync("staff-a", "Staff A", Role.ClinicUser, server.ClinicA.Id, "password-a-123", ct);
            return new People(ops, staff, server.Server.CreateClient(await identity.IssueTokenAsync(ops.Id, null, "test", ct)),
                server.Server.CreateClient(await identity.IssueTokenAsync(staff.Id, server.ClinicA.Id, "test", ct)));
        }

        public void Dispose()
        {
            OperatorClient.Dispose();
            ClinicClient.Dispose();
        }
    }

    private static Action<IServiceCollection> Services(FakeTimeProvider clock) => s =>
    {
        s.AddSingleton<TimeProvider>(clock);
        s.AddSingleton(new StorageCommitmentOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
    };

    /// <summary>A loopback port nothing listens on (a node that is down); it stays free for the node to start on later.</summary>
    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>An N-ACTION from <paramref name="callingAe"/> for two instances the archive does not hold, without the SCP role; the association is released at once.</summary>
    private static async Task<DicomStatus> RequestWithoutScpRoleAsync(DimseTestServer server, string callingAe, string transactionUid)
    {
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = callingAe, CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, Syntax)]);
        var items = new[] { "2.25.1", "2.25.2" }.Select(uid =>
        {
            var item = new DicomItem();
            item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, CtImageStorage);
            item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, uid);
            return item;
        });
        var request = new DicomDataset();
        request.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, transactionUid);
        request.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, items));
        var answer = await new DicomScu(association).NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance, 1, request);
        await association.ReleaseAsync();
        return answer.Status;
    }

    /// <summary>The one outbox entry once it matches <paramref name="condition"/> (at most 30 s).</summary>
    private static async Task<CommitmentReportEntry> WaitForEntryAsync(DimseTestServer server, Func<CommitmentReportEntry, bool> condition)
    {
        var outbox = server.Server.Service<ICommitmentReportOutbox>();
        for (var i = 0; i < 300; i++)
        {
            var entries = await outbox.ListAsync(null, 10, CancellationToken.None);
            if (entries.Count == 1 && condition(entries[0]))
            {
                return entries[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the outbox entry did not reach the expected state within 30 s: " +
            string.Join("; ", (await outbox.ListAsync(null, 10, CancellationToken.None)).Select(e => $"{e.State} {e.Attempts} {e.NextAttemptAt:O} {e.LastError}")));
    }

    private static async Task WaitForEmptyOutboxAsync(DimseTestServer server)
    {
        var outbox = server.Server.Service<ICommitmentReportOutbox>();
        for (var i = 0; i < 300 && (await outbox.ListAsync(null, 10, CancellationToken.None)).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(await outbox.ListAsync(null, 10, CancellationToken.None));
    }

    /// <summary>A clinic's modality as Storage Commitment SCU taking N-EVENT-REPORTs on 127.0.0.1.</summary>
    private sealed class ClinicNode : IDicomNEventReportHandler, IAsyncDisposable
    {
        private readonly ConcurrentQueue<DicomNRequest> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private DicomServer _server = null!;

        public int Port => _server.LocalEndPoint.Port;

        public int Count => _received.Count;

        public static ClinicNode Start(int port)
        {
            var node = new ClinicNode();
            var policy = new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, Syntax, "1.2.840.10008.1.2")
                .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: true);
            node._server = new DicomServer(new DicomServerOptions { Port = port }, policy, new DicomServiceDispatcher { NEventReport = node }.HandleAsync);
            node._server.Start();
            return node;
        }

        public ValueTask<DicomNResult> EventReportAsync(DicomNRequest request, CancellationToken cancellationToken)
        {
            _received.Enqueue(request);
            _arrived.Release();
            return ValueTask.FromResult(new DicomNResult(DicomStatus.Success));
        }

        public async Task<DicomNRequest> NextAsync()
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(30)), "no N-EVENT-REPORT within 30 s");
            return _received.Last();
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _arrived.Dispose();
        }
    }
}
