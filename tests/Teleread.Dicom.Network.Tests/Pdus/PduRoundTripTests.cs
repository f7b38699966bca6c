using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Pdus;

public class PduRoundTripTests
{
    public static TheoryData<PduType> PduTypes => [.. SamplePdus.All().Select(p => p.Type)];

    [Theory]
    [MemberData(nameof(PduTypes))]
    public async Task Every_pdu_type_reads_back_to_identical_bytes(PduType type)
    {
        var original = SamplePdus.All().Single(p => p.Type == type);
        var bytes = original.ToArray();

        var read = await ReadSingleAsync(bytes);

        Assert.Equal(type, read.Type);
        Assert.Equal(bytes, read.ToArray());
        Assert.Equal(bytes.Length, read.Length);
        (read as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Associate_request_keeps_every_field()
    {
        var read = (AssociateRequestPdu)await ReadSingleAsync(SamplePdus.FullRequest().ToArray());

        Assert.Equal("ARCHIVE", read.CalledAeTitle);
        Assert.Equal("MODALITY_01", read.CallingAeTitle);
        Assert.Equal(ApplicationContextItem.DicomApplicationContextName, read.ApplicationContextName);
        Assert.Equal([1, 3], read.PresentationContexts.Select(p => (int)p.PresentationContextId));
        Assert.Equal([TestUids.JpegLossless, TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian], read.PresentationContexts[1].TransferSyntaxes);
        var info = read.UserInformation;
        Assert.Equal(16384u, info.MaximumLength);
        Assert.Equal("1.2.3.4.5", info.ImplementationClassUid);
        Assert.Equal("TEST_1", info.ImplementationVersionName);
        Assert.Equal(new AsynchronousOperationsWindowSubItem(5, 3), info.AsynchronousOperationsWindow);
        Assert.Equal(new RoleSelectionSubItem(TestUids.CtImageStorage, true, true), Assert.Single(info.RoleSelections));
        Assert.Equal([1, 0, 1], Assert.Single(info.SopClassExtendedNegotiations).ServiceClassApplicationInformation.ToArray());
        Assert.Equal("1.2.840.10008.4.2", Assert.Single(info.SopClassCommonExtendedNegotiations).ServiceClassUid);
        Assert.Equal(UserIdentityType.UsernameAndPasscode, info.UserIdentityRequest!.IdentityType);
        Assert.Equal("radiologist", info.UserIdentityRequest.PrimaryFieldText);
        Assert.Equal("s3cret", info.UserIdentityRequest.SecondaryFieldText);
        Assert.True(info.UserIdentityRequest.PositiveResponseRequested);
    }

    [Fact]
    public async Task Associate_accept_keeps_every_field()
    {
        var read = (AssociateAcceptPdu)await ReadSingleAsync(SamplePdus.FullAccept().ToArray());

        Assert.Equal(PresentationContextResult.Acceptance, read.PresentationContexts[0].Result);
        Assert.Equal(TestUids.ImplicitVrLittleEndian, read.PresentationContexts[0].TransferSyntax);
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, read.PresentationContexts[1].Result);
        Assert.Null(read.PresentationContexts[1].TransferSyntax);
        Assert.Equal(65536u, read.UserInformation.MaximumLength);
        Assert.Equal("ticket"u8.ToArray(), read.UserInformation.UserIdentityAccept!.ServerResponse.ToArray());
    }

    [Fact]
    public async Task Data_transfer_keeps_presentation_data_values_and_control_headers()
    {
        using var read = (DataTransferPdu)await ReadSingleAsync(SamplePdus.Data().ToArray());

        Assert.Equal(2, read.Values.Count);
        Assert.True(read.Values[0].IsCommand);
        Assert.True(read.Values[0].IsLastFragment);
        Assert.Equal(0x03, read.Values[0].MessageControlHeader);
        Assert.Equal(EchoCommands.Request(7), read.Values[0].Data.ToArray());
        Assert.False(read.Values[1].IsCommand);
        Assert.False(read.Values[1].IsLastFragment);
        Assert.Equal(0x00, read.Values[1].MessageControlHeader);
        Assert.Equal(3, read.Values[1].PresentationContextId);
    }

    [Fact]
    public async Task Reject_and_abort_keep_result_source_and_reason()
    {
        var reject = (AssociateRejectPdu)await ReadSingleAsync(
            new AssociateRejectPdu(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, AssociateRejectReason.LocalLimitExceeded).ToArray());
        var abort = (AbortPdu)await ReadSingleAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.ReasonNotSpecified).ToArray());

        Assert.Equal(AssociateRejectResult.RejectedTransient, reject.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, reject.Source);
        Assert.Equal(AssociateRejectReason.LocalLimitExceeded, reject.Reason);
        Assert.Equal(AbortSource.ServiceUser, abort.Source);
        Assert.Equal(AbortReason.ReasonNotSpecified, abort.Reason);
    }

    [Fact]
    public async Task Several_pdus_in_one_stream_are_read_in_order_and_end_with_null()
    {
        var stream = new MemoryStream([.. SamplePdus.All().SelectMany(p => p.ToArray())]);
        var reader = new PduReader(stream, 65536);

        var types = new List<PduType>();
        while (await reader.ReadAsync() is { } pdu)
        {
            types.Add(pdu.Type);
            (pdu as IDisposable)?.Dispose();
        }

        Assert.Equal(SamplePdus.All().Select(p => p.Type), types);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    public async Task Data_transfer_pdus_around_the_read_ahead_length_read_back_whatever_each_receive_returns(int bytesPerReceive)
    {
        // Bodies below, at and above the reader's 16 KiB read-ahead, so some straddle it and some bypass it.
        int[] dataLengths = [0, 1, 100, 16 * 1024 - 12, 16 * 1024 - 6, 16 * 1024, 16 * 1024 + 5, 100_000, 3];
        var pdus = dataLengths.Select((n, i) => new DataTransferPdu([new PresentationDataValue(1, i % 2 == 0, true, Enumerable.Range(0, n).Select(b => (byte)(b * 7 + i)).ToArray())]).ToArray()).ToArray();
        var reader = new PduReader(new TrickleStream([.. pdus.SelectMany(p => p)], bytesPerReceive), 1024 * 1024);

        foreach (var expected in pdus)
        {
            var read = await reader.ReadAsync();
            Assert.NotNull(read);
            Assert.Equal(expected, read.ToArray());
            (read as IDisposable)?.Dispose();
        }

        Assert.Null(await reader.ReadAsync());
    }

    internal static async Task<Pdu> ReadSingleAsync(byte[] bytes)
    {
        var reader = new PduReader(new MemoryStream(bytes), 1024 * 1024);
        var pdu = await reader.ReadAsync();
        Assert.NotNull(pdu);
        Assert.Null(await reader.ReadAsync());
        return pdu;
    }

    /// <summary>A stream that returns at most <c>bytesPerReceive</c> bytes per read, as a socket may.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerReceive) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerReceive));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerReceive)], cancellationToken);
    }
}
