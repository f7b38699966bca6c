using System.Diagnostics;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Hosting;

/// <summary>Hostile peers against a running server: each misbehaving association ends alone; the rest keep working.</summary>
public class DicomServerFuzzTests
{
    private const string CtImageStorage = TestUids.CtImageStorage;

    private static byte[] Request() => new AssociateRequestPdu
    {
        CalledAeTitle = "SCP",
        CallingAeTitle = "FUZZ",
        PresentationContexts =
        [
            new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]),
            new PresentationContextRequestItem(3, CtImageStorage, [TestUids.ExplicitVrLittleEndian]),
        ],
        UserInformation = new UserInformationItem { MaximumLength = 16384 },
    }.ToArray();

    private static DicomAssociationPolicy Policy() => Loopback.VerificationPolicy().Accept(CtImageStorage, TestUids.ExplicitVrLittleEndian);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Peer_that_aborts_or_vanishes_mid_c_store_fails_the_handler_stream_only(bool sendAbort)
    {
        var handlerSaw = new TaskCompletionSource<Exception?>();
        var store = new ObservingStore(handlerSaw);
        await using var server = Loopback.StartServer(Policy(), new DicomServiceDispatcher { Store = store }.HandleAsync);
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            await stream.WriteAsync(Request());
            Assert.IsType<AssociateAcceptPdu>(await Loopback.ReadWithinAsync(reader, TimeSpan.FromSeconds(10)));
            var command = DicomCommand.CStoreRequest(1, CtImageStorage, "1.2.3").Encode();
            await stream.WriteAsync(new DataTransferPdu([
                new PresentationDataValue(3, true, true, command),
                new PresentationDataValue(3, false, false, new byte[1000]),
            ]).ToArray());
            await Task.Delay(100);
            if (sendAbort)
            {
                await stream.WriteAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.ReasonNotSpecified).ToArray());
            }
        }

        var seen = await handlerSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<DicomAssociationAbortedException>(seen);
        var bystander = new DicomScu(await Loopback.OpenAsync(server));
        Assert.True((await bystander.EchoAsync()).IsSuccess);
        await bystander.Association.ReleaseAsync();
    }

    [Fact]
    public async Task Mutated_pdu_streams_after_a_valid_association_never_take_the_server_down()
    {
        var options = new DicomServerOptions { Timeouts = new DicomAssociationTimeouts { Idle = TimeSpan.FromMilliseconds(500), Artim = TimeSpan.FromMilliseconds(500) } };
        await using var server = Loopback.StartServer(Policy(), new DicomServiceDispatcher { Store = new ObservingStore(null) }.HandleAsync, options);
        var random = new Random(8_2026);
        var seeds = new[]
        {
            new DataTransferPdu([new PresentationDataValue(1, true, true, DicomCommand.CEchoRequest(1).Encode())]).ToArray(),
            new DataTransferPdu([
                new PresentationDataValue(3, true, true, DicomCommand.CStoreRequest(2, CtImageStorage, "1.2.3").Encode()),
                new PresentationDataValue(3, false, true, new byte[300]),
            ]).ToArray(),
            ReleaseRequestPdu.Instance.ToArray(),
        };
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        for (; rounds < 100 && clock.Elapsed < TimeSpan.FromSeconds(8); rounds++)
        {
            var bytes = (byte[])seeds[random.Next(seeds.Length)].Clone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
            using (socket)
            {
                await stream.WriteAsync(Request());
                Assert.IsType<AssociateAcceptPdu>(await Loopback.ReadWithinAsync(reader, TimeSpan.FromSeconds(10)));
                await stream.WriteAsync(bytes);
                await DrainUntilClosedAsync(reader);
            }
        }

        Assert.True(rounds >= 10, $"only {rounds} rounds ran");
        var bystander = new DicomScu(await Loopback.OpenAsync(server));
        Assert.True((await bystander.EchoAsync()).IsSuccess);
        await bystander.Association.ReleaseAsync();
        var settle = Stopwatch.StartNew();
        while (server.ActiveAssociations > 0 && settle.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, server.ActiveAssociations);
    }

    /// <summary>Reads whatever the server answers (responses, A-ABORT) until it closes; the idle timer bounds a mute server.</summary>
    private static async Task DrainUntilClosedAsync(PduReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await reader.ReadAsync(timeout.Token) is { } pdu)
            {
                (pdu as IDisposable)?.Dispose();
                if (pdu is AbortPdu or ReleaseResponsePdu)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or DicomNetworkProtocolException)
        {
            // The server reset the connection: also an ending.
        }
    }

    private sealed class ObservingStore(TaskCompletionSource<Exception?>? seen) : IDicomStoreHandler
    {
        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            try
            {
                await dataSet.CopyToAsync(Stream.Null, cancellationToken);
                seen?.TrySetResult(null);
                return DicomStatus.Success;
            }
            catch (Exception exception)
            {
                seen?.TrySetResult(exception);
                throw;
            }
        }
    }
}
