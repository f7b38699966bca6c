using System.Security.Cryptography;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Association;

public class AssociationLoopbackTests
{
    [Fact]
    public async Task Echo_round_trips_and_release_ends_both_sides()
    {
        var serverSide = new TaskCompletionSource<DicomAssociationState>();
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), async (association, ct) =>
        {
            await Loopback.EchoHandlerAsync(association, ct);
            serverSide.SetResult(association.State);
        });

        var association = await Loopback.OpenAsync(server);
        Assert.Equal(0, await Loopback.EchoAsync(association, 11));
        Assert.Equal(0, await Loopback.EchoAsync(association, 12));
        await association.ReleaseAsync();

        Assert.Equal(DicomAssociationState.Released, association.State);
        Assert.Equal(DicomAssociationState.Released, await serverSide.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Client_sees_negotiated_contexts_lengths_and_roles()
    {
        var policy = Loopback.VerificationPolicy()
            .Accept(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian)
            .AllowRoles(TestUids.CtImageStorage, scu: true, scp: true);
        policy.MaximumPduLength = 8192;
        await using var server = Loopback.StartServer(policy);

        await using var association = await Loopback.OpenAsync(server, Loopback.ClientOptions() with { MaximumPduLength = 20000 },
            new DicomPresentationContextProposal(TestUids.Verification, TestUids.ImplicitVrLittleEndian, TestUids.ExplicitVrLittleEndian),
            new DicomPresentationContextProposal(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian) { ProposedRoles = (false, true) },
            new DicomPresentationContextProposal("1.2.3.4", TestUids.ImplicitVrLittleEndian));

        Assert.Equal(8192, association.MaximumSendPduLength);
        Assert.Equal(20000, association.MaximumReceivePduLength);
        Assert.Equal(TestUids.ExplicitVrLittleEndian, association.FindAcceptedContext(TestUids.Verification)!.TransferSyntax);
        var ct = association.FindAcceptedContext(TestUids.CtImageStorage)!;
        Assert.Equal((false, true), (ct.RequestorScuRole, ct.RequestorScpRole));
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, association.PresentationContexts[2].Result);
        Assert.Null(association.FindAcceptedContext("1.2.3.4"));
    }

    [Fact]
    public async Task Rejected_calling_ae_surfaces_result_source_and_reason()
    {
        var policy = Loopback.VerificationPolicy();
        policy.RequestValidator = (request, _) => ValueTask.FromResult(request.CallingAeTitle == "STRANGER" ? DicomAssociationRejection.CallingAeTitleNotRecognized : null);
        await using var server = Loopback.StartServer(policy);

        var exception = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Loopback.OpenAsync(server, Loopback.ClientOptions("STRANGER")));

        Assert.Equal(AssociateRejectResult.RejectedPermanent, exception.RejectResult);
        Assert.Equal(AssociateRejectSource.ServiceUser, exception.RejectSource);
        Assert.Equal(AssociateRejectReason.CallingAeTitleNotRecognized, exception.RejectReason);
        await using var welcome = await Loopback.OpenAsync(server, Loopback.ClientOptions("FRIEND"));
        Assert.Equal(0, await Loopback.EchoAsync(welcome));
    }

    [Fact]
    public async Task Username_password_and_jwt_identities_reach_the_validator()
    {
        var seen = new List<(UserIdentityType, string)>();
        var policy = Loopback.VerificationPolicy();
        policy.UserIdentityValidator = (_, identity, _) =>
        {
            lock (seen)
            {
                seen.Add((identity.IdentityType, identity.PrimaryFieldText));
            }

            return ValueTask.FromResult(identity.PrimaryFieldText == "bad" ? DicomUserIdentityResult.Rejected : DicomUserIdentityResult.Accepted);
        };
        await using var server = Loopback.StartServer(policy);

        await using var withPassword = await Loopback.OpenAsync(server, Loopback.ClientOptions() with { UserIdentity = UserIdentityRequestSubItem.ForUsername("alice", "pw") });
        await using var withToken = await Loopback.OpenAsync(server, Loopback.ClientOptions() with
        {
            UserIdentity = UserIdentityRequestSubItem.ForToken(UserIdentityType.JsonWebToken, "eyJhbGciOiJub25lIn0.e30."u8.ToArray()),
        });
        await Assert.ThrowsAsync<DicomAssociationRejectedException>(() =>
            Loopback.OpenAsync(server, Loopback.ClientOptions() with { UserIdentity = UserIdentityRequestSubItem.ForUsername("bad") }));

        Assert.NotNull(withPassword.Accept.UserInformation.UserIdentityAccept);
        Assert.Contains((UserIdentityType.UsernameAndPasscode, "alice"), seen);
        Assert.Contains((UserIdentityType.JsonWebToken, "eyJhbGciOiJub25lIn0.e30."), seen);
    }

    [Fact]
    public async Task Large_data_set_is_fragmented_to_the_peer_limit_and_streamed_intact()
    {
        var policy = Loopback.VerificationPolicy().Accept(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian);
        policy.MaximumPduLength = 4096;
        var received = new TaskCompletionSource<(byte[] Hash, long Length)>();
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            var message = await association.ReceiveMessageAsync(ct);
            using var data = message!.OpenDataSet();
            using var sha = SHA256.Create();
            var counter = new CountingStream();
            await using (var crypto = new CryptoStream(counter, sha, CryptoStreamMode.Write, leaveOpen: true))
            {
                await data.CopyToAsync(crypto, 1000, ct);
            }

            received.SetResult((sha.Hash!, counter.Length));
            await association.SendMessageAsync(message.PresentationContext.Id, EchoCommands.Response(1), null, ct);
            Assert.Null(await association.ReceiveMessageAsync(ct));
        });
        var payload = RandomNumberGenerator.GetBytes(1_000_003);

        await using var association = await Loopback.OpenAsync(server, null,
            new DicomPresentationContextProposal(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian));
        await association.SendMessageAsync(association.FindAcceptedContext(TestUids.CtImageStorage)!.Id, EchoCommands.Request(1), new MemoryStream(payload));
        Assert.NotNull(await association.ReceiveMessageAsync());
        await association.ReleaseAsync();

        var (hash, length) = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(payload.Length, length);
        Assert.Equal(SHA256.HashData(payload), hash);
    }

    [Fact]
    public async Task Data_set_stream_hands_out_its_fragments_as_segments_after_copying_reads_and_ends_empty()
    {
        var policy = Loopback.VerificationPolicy();
        policy.MaximumPduLength = 4096;
        var received = new TaskCompletionSource<(byte[] Bytes, int Segments, long Position)>();
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            var message = await association.ReceiveMessageAsync(ct);
            await using var data = message!.OpenDataSet();
            var bytes = new MemoryStream();
            var head = new byte[1000];
            await data.ReadExactlyAsync(head, ct);
            bytes.Write(head);
            var segmented = Assert.IsAssignableFrom<ISegmentedReadStream>(data);
            var segments = 0;
            ReadOnlyMemory<byte> segment;
            while (!(segment = await segmented.ReadSegmentAsync(ct)).IsEmpty)
            {
                Assert.True(segment.Length <= 4096);
                bytes.Write(segment.Span);
                segments++;
            }

            Assert.True((await segmented.ReadSegmentAsync(ct)).IsEmpty);
            Assert.Equal(0, await data.ReadAsync(head, ct));
            received.SetResult((bytes.ToArray(), segments, data.Position));
            await association.SendMessageAsync(message.PresentationContext.Id, EchoCommands.Response(1), null, ct);
            await Loopback.EchoHandlerAsync(association, ct);
        });
        var payload = RandomNumberGenerator.GetBytes(100_003);

        await using var association = await Loopback.OpenAsync(server);
        var context = association.FindAcceptedContext(TestUids.Verification)!;
        await association.SendMessageAsync(context.Id, EchoCommands.Request(1), new MemoryStream(payload));
        Assert.NotNull(await association.ReceiveMessageAsync());

        var (bytes, segments, position) = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(payload, bytes);
        Assert.True(segments >= 100_003 / 4096, $"{segments} segments");
        Assert.Equal(payload.Length, position);
        Assert.Equal(0, await Loopback.EchoAsync(association, 2));
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task Data_set_fragments_reach_a_callback_without_copies_and_a_callback_that_gives_up_is_skipped()
    {
        var policy = Loopback.VerificationPolicy();
        policy.MaximumPduLength = 8192;
        var lengths = new TaskCompletionSource<(long Whole, int FragmentsOfPartial)>();
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            long whole = 0;
            var first = await association.ReceiveMessageAsync(ct);
            await first!.ReadDataSetAsync((fragment, _) =>
            {
                Assert.True(fragment.Length <= 8192);
                whole += fragment.Length;
                return ValueTask.CompletedTask;
            }, ct);
            await association.SendMessageAsync(first.PresentationContext.Id, EchoCommands.Response(1), null, ct);

            var fragments = 0;
            var second = await association.ReceiveMessageAsync(ct);
            await Assert.ThrowsAsync<InvalidDataException>(async () => await second!.ReadDataSetAsync((_, _) =>
                ++fragments == 2 ? throw new InvalidDataException("enough") : ValueTask.CompletedTask, ct));
            await association.SendMessageAsync(second!.PresentationContext.Id, EchoCommands.Response(2), null, ct);
            lengths.SetResult((whole, fragments));
            await Loopback.EchoHandlerAsync(association, ct);
        });

        await using var association = await Loopback.OpenAsync(server);
        var context = association.FindAcceptedContext(TestUids.Verification)!;
        await association.SendMessageAsync(context.Id, EchoCommands.Request(1), new MemoryStream(new byte[100_000]));
        Assert.NotNull(await association.ReceiveMessageAsync());
        await association.SendMessageAsync(context.Id, EchoCommands.Request(2), new MemoryStream(new byte[100_000]));
        Assert.NotNull(await association.ReceiveMessageAsync());

        Assert.Equal((100_000L, 2), await lengths.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await Loopback.EchoAsync(association, 3));
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task Unread_data_set_is_skipped_before_the_next_message()
    {
        var policy = Loopback.VerificationPolicy();
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            // Ignore the data set entirely; the next receive must skip it.
            while (await association.ReceiveMessageAsync(ct) is { } message)
            {
                await association.SendMessageAsync(message.PresentationContext.Id, EchoCommands.Response(EchoCommands.ReadUInt16(message.Command.Span, 0x0110)), null, ct);
            }
        });

        await using var association = await Loopback.OpenAsync(server);
        var context = association.FindAcceptedContext(TestUids.Verification)!;
        await association.SendMessageAsync(context.Id, EchoCommands.Request(1), new MemoryStream(new byte[200_000]));
        Assert.NotNull(await association.ReceiveMessageAsync());
        Assert.Equal(0, await Loopback.EchoAsync(association, 2));
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task Peer_abort_reaches_the_other_side_as_an_aborted_exception()
    {
        var outcome = new TaskCompletionSource<Exception>();
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), async (association, ct) =>
        {
            try
            {
                await association.ReceiveMessageAsync(ct);
                outcome.SetResult(new InvalidOperationException("no abort seen"));
            }
            catch (Exception exception)
            {
                outcome.SetResult(exception);
            }
        });

        var client = await Loopback.OpenAsync(server);
        await client.AbortAsync(AbortSource.ServiceUser, AbortReason.ReasonNotSpecified);

        var aborted = Assert.IsType<DicomAssociationAbortedException>(await outcome.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(aborted.AbortedByPeer);
        Assert.Equal(AbortSource.ServiceUser, aborted.AbortSource);
        Assert.Equal(DicomAssociationState.Aborted, client.State);
    }

    [Fact]
    public async Task Silent_association_is_aborted_after_the_idle_timeout()
    {
        var options = new DicomServerOptions { Timeouts = new DicomAssociationTimeouts { Idle = TimeSpan.FromMilliseconds(300) } };
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, options);

        await using var association = await Loopback.OpenAsync(server);

        var exception = await Assert.ThrowsAsync<DicomAssociationAbortedException>(async () => await association.ReceiveMessageAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(exception.AbortedByPeer);
        Assert.Equal(AbortSource.ServiceProvider, exception.AbortSource);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
