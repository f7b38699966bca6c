using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dimse;

public class DimseLoopbackTests
{
    private const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    private const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";
    private const string StudyRootGet = "1.2.840.10008.5.1.4.1.2.2.3";
    private const string StorageCommitment = "1.2.840.10008.1.20.1";
    private static readonly string[] Syntaxes = [TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian];

    private static DicomAssociationPolicy Policy() => new DicomAssociationPolicy()
        .Accept(TestUids.Verification, Syntaxes)
        .Accept(TestUids.CtImageStorage, Syntaxes)
        .Accept(StudyRootFind, Syntaxes)
        .Accept(StudyRootMove, Syntaxes)
        .Accept(StudyRootGet, Syntaxes)
        .Accept(StorageCommitment, Syntaxes)
        .AllowRoles(TestUids.CtImageStorage, scu: true, scp: true);

    private static DicomServer Start(DicomServiceDispatcher dispatcher) => Loopback.StartServer(Policy(), dispatcher.HandleAsync);

    private static async Task<DicomScu> OpenAsync(DicomServer server) => new(await Loopback.OpenAsync(server, null,
        new DicomPresentationContextProposal(TestUids.Verification, TestUids.ImplicitVrLittleEndian),
        new DicomPresentationContextProposal(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian) { ProposedRoles = (true, true) },
        new DicomPresentationContextProposal(StudyRootFind, TestUids.ExplicitVrLittleEndian),
        new DicomPresentationContextProposal(StudyRootMove, TestUids.ExplicitVrLittleEndian),
        new DicomPresentationContextProposal(StudyRootGet, TestUids.ExplicitVrLittleEndian),
        new DicomPresentationContextProposal(StorageCommitment, TestUids.ImplicitVrLittleEndian)));

    [Fact]
    public async Task Echo_through_the_dispatcher_uses_the_echo_handler_status()
    {
        await using var server = Start(new DicomServiceDispatcher { Echo = new FixedEcho(new DicomStatus(0x0001)) });
        var scu = await OpenAsync(server);

        Assert.Equal(new DicomStatus(0x0001), await scu.EchoAsync());
        await scu.Association.ReleaseAsync();
    }

    [Fact]
    public async Task Store_streams_the_data_set_to_the_handler_and_returns_its_status()
    {
        var store = new HashingStore();
        await using var server = Start(new DicomServiceDispatcher { Store = store });
        var scu = await OpenAsync(server);
        var payload = RandomNumberGenerator.GetBytes(3_000_001);

        var status = await scu.StoreAsync(TestUids.CtImageStorage, "1.2.3.4.5", TestUids.ExplicitVrLittleEndian, new MemoryStream(payload));

        Assert.True(status.IsSuccess);
        var (request, hash, length) = Assert.Single(store.Received);
        Assert.Equal("1.2.3.4.5", request.SopInstanceUid);
        Assert.Equal(TestUids.CtImageStorage, request.SopClassUid);
        Assert.Equal(TestUids.ExplicitVrLittleEndian, request.TransferSyntax.Uid);
        Assert.Equal(payload.Length, length);
        Assert.Equal(SHA256.HashData(payload), hash);
        Assert.True((await scu.EchoAsync()).IsSuccess);
        await scu.Association.ReleaseAsync();
    }

    [Fact]
    public async Task Failing_store_handler_becomes_a_processing_failure_and_the_association_goes_on()
    {
        await using var server = Start(new DicomServiceDispatcher { Store = new ThrowingStore() });
        var scu = await OpenAsync(server);

        var status = await scu.StoreAsync(TestUids.CtImageStorage, "1.2.3", TestUids.ExplicitVrLittleEndian, new MemoryStream(new byte[50_000]));

        Assert.Equal(DicomStatus.ProcessingFailure, status);
        Assert.True((await scu.EchoAsync()).IsSuccess);
    }

    [Fact]
    public async Task Find_yields_every_match_with_the_identifier_the_handler_built()
    {
        await using var server = Start(new DicomServiceDispatcher { Find = new CountingFind(3, TimeSpan.Zero) });
        var scu = await OpenAsync(server);
        var query = new DicomDataset().AddOrUpdate(DicomTags.PatientID, "P*").AddOrUpdate(DicomTags.QueryRetrieveLevel, "STUDY");

        var matches = new List<string>();
        await foreach (var match in scu.FindAsync(StudyRootFind, query))
        {
            matches.Add(match.GetString(DicomTags.PatientID));
        }

        Assert.Equal(["P*-1", "P*-2", "P*-3"], matches);
    }

    [Fact]
    public async Task Cancelling_a_find_sends_c_cancel_and_the_handler_sees_its_token_cancelled()
    {
        var find = new CountingFind(1000, TimeSpan.FromMilliseconds(20));
        await using var server = Start(new DicomServiceDispatcher { Find = find });
        var scu = await OpenAsync(server);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var match in scu.FindAsync(StudyRootFind, new DicomDataset().AddOrUpdate(DicomTags.PatientID, "X"), cts.Token))
            {
                if (++seen == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.True(await find.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(find.Yielded < 1000);
        Assert.True((await scu.EchoAsync()).IsSuccess);
    }

    [Fact]
    public async Task Move_reports_pending_counts_then_the_final_status()
    {
        await using var server = Start(new DicomServiceDispatcher { Move = new ScriptedMove() });
        var scu = await OpenAsync(server);

        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in scu.MoveAsync(StudyRootMove, "ELSEWHERE", new DicomDataset().AddOrUpdate(DicomTags.StudyInstanceUID, "1.2.3")))
        {
            responses.Add(progress);
        }

        Assert.Equal([DicomStatus.Pending, DicomStatus.Pending, DicomStatus.SubOperationsCompleteWithFailures], responses.Select(r => r.Status));
        Assert.Equal(new DicomSubOperations(1, 1, 0, 0), responses[0].Counts);
        Assert.Equal(new DicomSubOperations(null, 1, 1, 0), responses[2].Counts);
    }

    [Fact]
    public async Task Cancelling_a_move_ends_it_with_a_cancel_status_and_the_counts_so_far()
    {
        await using var server = Start(new DicomServiceDispatcher { Move = new SlowMove() });
        var scu = await OpenAsync(server);
        using var cts = new CancellationTokenSource();

        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in scu.MoveAsync(StudyRootMove, "ELSEWHERE", new DicomDataset(), cts.Token))
        {
            responses.Add(progress);
            if (responses.Count == 2)
            {
                await cts.CancelAsync();
            }
        }

        Assert.Equal(DicomStatus.Cancel, responses[^1].Status);
        Assert.True(responses[^1].Counts.Completed >= 2);
        Assert.True(responses.Count < 50);
        Assert.True((await scu.EchoAsync()).IsSuccess);
    }

    [Fact]
    public async Task Get_sends_the_instances_back_as_c_store_sub_operations_on_the_same_association()
    {
        var payloads = new[] { RandomNumberGenerator.GetBytes(70_000), RandomNumberGenerator.GetBytes(10) };
        await using var server = Start(new DicomServiceDispatcher { Get = new SourcesGet(payloads) });
        var scu = await OpenAsync(server);
        var store = new HashingStore();

        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in scu.GetAsync(StudyRootGet, new DicomDataset().AddOrUpdate(DicomTags.StudyInstanceUID, "1.2.3"), store))
        {
            responses.Add(progress);
        }

        Assert.Equal(DicomStatus.Success, responses[^1].Status);
        Assert.Equal(new DicomSubOperations(null, 2, 0, 0), responses[^1].Counts);
        Assert.Equal(payloads.Select(p => SHA256.HashData(p)), store.Received.Select(r => r.Hash));
        Assert.Equal(["1.2.3.1", "1.2.3.2"], store.Received.Select(r => r.Request.SopInstanceUid));
    }

    [Fact]
    public async Task N_action_carries_action_information_both_ways()
    {
        await using var server = Start(new DicomServiceDispatcher { NAction = new EchoingAction() });
        var scu = await OpenAsync(server);
        var information = new DicomDataset().AddOrUpdate(DicomTags.TransactionUID, "1.2.3.99");

        var result = await scu.NActionAsync(StorageCommitment, "1.2.840.10008.1.20.1.1", 1, information);

        Assert.True(result.Status.IsSuccess);
        Assert.Equal("1.2.3.99", result.DataSet!.GetString(DicomTags.TransactionUID));
    }

    [Fact]
    public async Task N_event_report_reaches_its_handler_with_the_event_type()
    {
        var reports = new List<(ushort? EventType, string Instance)>();
        await using var server = Start(new DicomServiceDispatcher { NEventReport = new RecordingEventReport(reports) });
        var scu = await OpenAsync(server);

        var result = await scu.NEventReportAsync(StorageCommitment, "1.2.840.10008.1.20.1.1", 2, new DicomDataset().AddOrUpdate(DicomTags.TransactionUID, "1.2.3.7"));

        Assert.True(result.Status.IsSuccess);
        Assert.Equal([((ushort?)2, "1.2.840.10008.1.20.1.1")], reports);
    }

    [Fact]
    public async Task Get_counts_a_failed_sub_operation_when_the_scu_took_no_scp_role()
    {
        var payloads = new[] { new byte[100] };
        await using var server = Start(new DicomServiceDispatcher { Get = new SourcesGet(payloads) });
        var scu = new DicomScu(await Loopback.OpenAsync(server, null,
            new DicomPresentationContextProposal(StudyRootGet, TestUids.ExplicitVrLittleEndian),
            new DicomPresentationContextProposal(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian)));

        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in scu.GetAsync(StudyRootGet, new DicomDataset(), new HashingStore()))
        {
            responses.Add(progress);
        }

        Assert.Equal(DicomStatus.SubOperationsCompleteWithFailures, responses[^1].Status);
        Assert.Equal(new DicomSubOperations(null, 0, 1, 0), responses[^1].Counts);
    }

    [Fact]
    public async Task Operation_without_a_handler_is_answered_sop_class_not_supported()
    {
        await using var server = Start(new DicomServiceDispatcher());
        var scu = await OpenAsync(server);

        var status = await scu.StoreAsync(TestUids.CtImageStorage, "1.2.3", TestUids.ExplicitVrLittleEndian, new MemoryStream(new byte[10]));

        Assert.Equal(DicomStatus.SopClassNotSupported, status);
    }

    private sealed class FixedEcho(DicomStatus status) : IDicomEchoHandler
    {
        public ValueTask<DicomStatus> EchoAsync(DicomRequestContext context, CancellationToken cancellationToken) => ValueTask.FromResult(status);
    }

    internal sealed class HashingStore : IDicomStoreHandler
    {
        public List<(DicomStoreRequest Request, byte[] Hash, long Length)> Received { get; } = [];

        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[8192];
            long length = 0;
            int read;
            while ((read = await dataSet.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                length += read;
            }

            lock (Received)
            {
                Received.Add((request, sha.GetHashAndReset(), length));
            }

            return DicomStatus.Success;
        }
    }

    private sealed class ThrowingStore : IDicomStoreHandler
    {
        public ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
            => throw new IOException("disk full");
    }

    private sealed class CountingFind(int count, TimeSpan delay) : IDicomFindHandler
    {
        public TaskCompletionSource<bool> Cancelled { get; } = new();

        public int Yielded { get; private set; }

        public async IAsyncEnumerable<DicomDataset> FindAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult(true));
            var prefix = request.Identifier.GetString(DicomTags.PatientID);
            for (var i = 1; i <= count; i++)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }

                Yielded++;
                yield return new DicomDataset().AddOrUpdate(DicomTags.PatientID, $"{prefix}-{i}");
            }
        }
    }

    private sealed class ScriptedMove : IDicomMoveHandler
    {
        public async IAsyncEnumerable<DicomOperationProgress> MoveAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Assert.Equal("ELSEWHERE", request.MoveDestination);
            await Task.Yield();
            yield return new DicomOperationProgress(DicomStatus.Pending, new DicomSubOperations(1, 1, 0, 0));
            yield return new DicomOperationProgress(DicomStatus.Pending, new DicomSubOperations(0, 1, 1, 0));
        }
    }

    private sealed class SlowMove : IDicomMoveHandler
    {
        public async IAsyncEnumerable<DicomOperationProgress> MoveAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (ushort done = 1; done <= 50; done++)
            {
                await Task.Delay(20, cancellationToken);
                yield return new DicomOperationProgress(DicomStatus.Pending, new DicomSubOperations((ushort)(50 - done), done, 0, 0));
            }
        }
    }

    private sealed class SourcesGet(byte[][] payloads) : IDicomGetHandler
    {
        public ValueTask<IReadOnlyList<DicomInstanceSource>> GetAsync(DicomQueryRequest request, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<DicomInstanceSource>>(payloads
                .Select((payload, i) => new DicomInstanceSource(TestUids.CtImageStorage, $"1.2.3.{i + 1}", TestUids.ExplicitVrLittleEndian,
                    _ => ValueTask.FromResult<Stream>(new MemoryStream(payload))))
                .ToList());
    }

    private sealed class RecordingEventReport(List<(ushort? EventType, string Instance)> reports) : IDicomNEventReportHandler
    {
        public ValueTask<DicomNResult> EventReportAsync(DicomNRequest request, CancellationToken cancellationToken)
        {
            Assert.Equal("1.2.3.7", request.DataSet!.GetString(DicomTags.TransactionUID));
            reports.Add((request.EventTypeId, request.SopInstanceUid));
            return ValueTask.FromResult(new DicomNResult(DicomStatus.Success));
        }
    }

    private sealed class EchoingAction : IDicomNActionHandler
    {
        public ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken)
            => ValueTask.FromResult(new DicomNResult(DicomStatus.Success, request.DataSet));
    }
}
