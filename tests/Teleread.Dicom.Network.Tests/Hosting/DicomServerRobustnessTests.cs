using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Hosting;

/// <summary>A scripted raw peer misbehaves; the server answers with the right A-ABORT and everyone else carries on.</summary>
public class DicomServerRobustnessTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static byte[] ValidRequest() => new AssociateRequestPdu
    {
        CalledAeTitle = "SCP",
        CallingAeTitle = "RAW",
        PresentationContexts = [new Items.PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])],
        UserInformation = new Items.UserInformationItem { MaximumLength = 16384 },
    }.ToArray();

    [Theory]
    [InlineData("0900000000040000000000", AbortReason.UnrecognizedPdu)]
    [InlineData("04007FFFFFFF", AbortReason.InvalidPduParameterValue)]
    [InlineData("0700000000050000000000", AbortReason.InvalidPduParameterValue)]
    [InlineData("040000000008000000040102AABB", AbortReason.UnexpectedPduParameter)]
    [InlineData("040000000008000000040301AABB", AbortReason.InvalidPduParameterValue)]
    public async Task Bad_pdu_on_an_established_association_is_aborted_with_the_right_reason(string hex, AbortReason expected)
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy());
        await using var bystander = await Loopback.OpenAsync(server);
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            await stream.WriteAsync(ValidRequest());
            Assert.IsType<AssociateAcceptPdu>(await Loopback.ReadWithinAsync(reader, Wait));

            await stream.WriteAsync(Convert.FromHexString(hex));

            var abort = Assert.IsType<AbortPdu>(await Loopback.ReadWithinAsync(reader, Wait));
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
            Assert.Equal(expected, abort.Reason);
            Assert.Null(await Loopback.ReadWithinAsync(reader, Wait));
        }

        Assert.Equal(0, await Loopback.EchoAsync(bystander));
        await bystander.ReleaseAsync();
    }

    [Fact]
    public async Task Second_association_request_on_an_established_association_is_an_unexpected_pdu()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy());
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            await stream.WriteAsync(ValidRequest());
            Assert.IsType<AssociateAcceptPdu>(await Loopback.ReadWithinAsync(reader, Wait));

            await stream.WriteAsync(ValidRequest());

            Assert.Equal(AbortReason.UnexpectedPdu, Assert.IsType<AbortPdu>(await Loopback.ReadWithinAsync(reader, Wait)).Reason);
        }
    }

    [Fact]
    public async Task Pdu_other_than_an_association_request_first_is_an_unexpected_pdu()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy());
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            await stream.WriteAsync(ReleaseRequestPdu.Instance.ToArray());

            var abort = Assert.IsType<AbortPdu>(await Loopback.ReadWithinAsync(reader, Wait));
            Assert.Equal(AbortReason.UnexpectedPdu, abort.Reason);
        }
    }

    [Fact]
    public async Task Truncated_association_request_is_aborted_and_named()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy());
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            var bytes = ValidRequest();
            // Lie about the length: the items inside now run past the PDU.
            bytes[5] -= 10;
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length - 10));

            var abort = Assert.IsType<AbortPdu>(await Loopback.ReadWithinAsync(reader, Wait));
            Assert.Equal(AbortReason.InvalidPduParameterValue, abort.Reason);
        }
    }

    [Fact]
    public async Task Connection_that_never_requests_an_association_is_closed_when_artim_expires()
    {
        var options = new DicomServerOptions { Timeouts = new DicomAssociationTimeouts { Artim = TimeSpan.FromMilliseconds(300) } };
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, options);
        var (socket, _, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            Assert.Null(await Loopback.ReadWithinAsync(reader, Wait));
        }
    }

    [Fact]
    public async Task Peer_that_stops_in_the_middle_of_a_pdu_is_aborted_by_the_idle_timer()
    {
        // The idle limit applies to the bystander too: 2 s between its PDUs, ample on a loaded CI machine (700 ms was not).
        var options = new DicomServerOptions { Timeouts = new DicomAssociationTimeouts { Idle = TimeSpan.FromSeconds(2) } };
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, options);
        var (socket, stream, reader) = await Loopback.ConnectRawAsync(server);
        using (socket)
        {
            await stream.WriteAsync(ValidRequest());
            Assert.IsType<AssociateAcceptPdu>(await Loopback.ReadWithinAsync(reader, Wait));

            // A P-DATA-TF header promising 100 bytes, then only 10 of them.
            await stream.WriteAsync(Convert.FromHexString("040000000064" + "0000006001030000000000000000"));
            await using (var bystander = await Loopback.OpenAsync(server))
            {
                Assert.Equal(0, await Loopback.EchoAsync(bystander));
                await bystander.ReleaseAsync();
            }

            var abort = Assert.IsType<AbortPdu>(await Loopback.ReadWithinAsync(reader, Wait));
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
        }
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_at_once_and_the_server_recovers()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, new DicomServerOptions { MaximumConnections = 2 });
        var (first, _, _) = await Loopback.ConnectRawAsync(server);
        var (second, _, _) = await Loopback.ConnectRawAsync(server);
        await Task.Delay(200);

        var (third, _, thirdReader) = await Loopback.ConnectRawAsync(server);
        using (third)
        {
            Assert.Null(await Loopback.ReadWithinAsync(thirdReader, Wait));
        }

        first.Dispose();
        second.Dispose();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var association = await Loopback.OpenAsync(server);
                Assert.Equal(0, await Loopback.EchoAsync(association));
                await association.ReleaseAsync();
                break;
            }
            catch (DicomAssociationAbortedException) when (clock.Elapsed < Wait)
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task Associations_beyond_the_per_calling_ae_limit_are_rejected_transient_local_limit()
    {
        var options = new DicomServerOptions { MaximumAssociationsPerCallingAe = 2, MaximumAssociations = 3 };
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, options);

        await using var first = await Loopback.OpenAsync(server, Loopback.ClientOptions("BUSY"));
        await using var second = await Loopback.OpenAsync(server, Loopback.ClientOptions("BUSY"));
        var perAe = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Loopback.OpenAsync(server, Loopback.ClientOptions("BUSY")));
        await using var other = await Loopback.OpenAsync(server, Loopback.ClientOptions("OTHER"));
        var total = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Loopback.OpenAsync(server, Loopback.ClientOptions("THIRD")));

        foreach (var rejected in new[] { perAe, total })
        {
            Assert.Equal(AssociateRejectResult.RejectedTransient, rejected.RejectResult);
            Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, rejected.RejectSource);
            Assert.Equal(AssociateRejectReason.LocalLimitExceeded, rejected.RejectReason);
        }

        await first.ReleaseAsync();
        await using var again = await Loopback.OpenAsync(server, Loopback.ClientOptions("BUSY"));
        Assert.Equal(0, await Loopback.EchoAsync(again));
    }

    [Fact]
    public async Task A_sender_that_releases_and_opens_its_next_association_at_once_is_never_refused_at_its_limit()
    {
        var options = new DicomServerOptions { MaximumAssociationsPerCallingAe = 1, MaximumAssociations = 1 };
        // The handler still has work after the peer's release (its own clean-up, as the server's handlers do): the slot
        // must be free once the release is answered, not once the handler returns.
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), async (association, ct) =>
        {
            await Loopback.EchoHandlerAsync(association, ct);
            await Task.Delay(200, CancellationToken.None);
        }, options);

        for (var i = 0; i < 5; i++)
        {
            await using var association = await Loopback.OpenAsync(server, Loopback.ClientOptions("MODALITY"));
            Assert.Equal(0, await Loopback.EchoAsync(association));
            await association.ReleaseAsync();
        }
    }

    [Fact]
    public async Task Stop_lets_in_flight_associations_finish_then_aborts_the_rest_at_the_deadline()
    {
        var server = Loopback.StartServer(Loopback.VerificationPolicy());
        var finishing = await Loopback.OpenAsync(server);
        var lingering = await Loopback.OpenAsync(server);

        var stop = server.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Loopback.EchoAsync(finishing));
        await finishing.ReleaseAsync();
        await stop.WaitAsync(Wait);

        await Assert.ThrowsAsync<DicomAssociationAbortedException>(async () => await lingering.ReceiveMessageAsync().AsTask().WaitAsync(Wait));
        await Assert.ThrowsAnyAsync<Exception>(() => Loopback.OpenAsync(server));
        Assert.Equal(0, server.ActiveAssociations);
        await server.DisposeAsync();
    }
}
