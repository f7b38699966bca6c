using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Pdus;

public class MalformedPduTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0xFF)]
    public async Task Unknown_pdu_type_is_an_unrecognized_pdu(byte type)
    {
        var exception = await ReadFailureAsync([type, 0, 0, 0, 0, 4, 0, 0, 0, 0]);

        Assert.Equal(AbortReason.UnrecognizedPdu, exception.AbortReason);
        Assert.Equal(AbortSource.ServiceProvider, exception.AbortSource);
        Assert.Equal("PDU-type", exception.Field);
    }

    [Fact]
    public async Task Pdu_length_beyond_the_limit_is_refused_before_the_body_is_read()
    {
        // Only the header exists: the reader must refuse on the length alone, allocating nothing for the body.
        var stream = new CountingStream(Convert.FromHexString("04000FFFFFFF"));
        var reader = new PduReader(stream, 16384);

        var exception = await Assert.ThrowsAsync<DicomNetworkProtocolException>(async () => await reader.ReadAsync());

        Assert.Equal(AbortReason.InvalidPduParameterValue, exception.AbortReason);
        Assert.Equal("PDU-length", exception.Field);
        Assert.Equal(6, stream.BytesRead);
    }

    [Fact]
    public async Task Association_pdu_beyond_the_negotiation_limit_is_refused()
    {
        var exception = await ReadFailureAsync(Convert.FromHexString("0100FFFFFFFF"));

        Assert.Equal("PDU-length", exception.Field);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("0400000000")]
    public async Task Truncated_header_is_reported(string hex)
    {
        var exception = await ReadFailureAsync(Convert.FromHexString(hex));

        Assert.Equal("PDU header", exception.Field);
    }

    [Fact]
    public async Task Body_shorter_than_its_pdu_length_is_reported()
    {
        var bytes = SamplePdus.FullRequest().ToArray();

        var exception = await ReadFailureAsync(bytes[..^10]);

        Assert.Equal("PDU-length", exception.Field);
        Assert.Contains("closed after", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("050000000006000000000000", "A-RELEASE-RQ PDU-length")]
    [InlineData("0600000000020000", "A-RELEASE-RP PDU-length")]
    [InlineData("07000000000500000200FF", "A-ABORT PDU-length")]
    [InlineData("07000000000400000906", "A-ABORT Source")]
    [InlineData("03000000000400090101", "A-ASSOCIATE-RJ Result")]
    public async Task Fixed_size_pdus_with_wrong_lengths_or_values_name_the_field(string hex, string field)
    {
        var exception = await ReadFailureAsync(Convert.FromHexString(hex));

        Assert.Equal(field, exception.Field);
        Assert.Equal(AbortReason.InvalidPduParameterValue, exception.AbortReason);
    }

    [Theory]
    [InlineData("04000000000600000003010300", "P-DATA-TF Presentation-data-value Item Item-length")]
    [InlineData("040000000006000000010103", "P-DATA-TF Presentation-data-value Item Item-length")]
    [InlineData("04000000000600000002020300", "P-DATA-TF Presentation-context-ID")]
    [InlineData("040000000000", "P-DATA-TF Presentation-data-value Item")]
    public async Task Broken_presentation_data_values_name_the_field(string hex, string field)
    {
        var exception = await ReadFailureAsync(Convert.FromHexString(hex));

        Assert.Equal(field, exception.Field);
    }

    [Fact]
    public async Task Item_length_running_past_the_pdu_names_the_item()
    {
        var bytes = SamplePdus.FullRequest().ToArray();
        // The application context item starts right after the 68 fixed bytes of the body; inflate its length.
        bytes[6 + 68 + 2] = 0xFF;

        var exception = await ReadFailureAsync(bytes);

        Assert.StartsWith("A-ASSOCIATE-RQ Variable items", exception.Field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_without_presentation_context_is_refused()
    {
        var bytes = new AssociateRequestPdu { CalledAeTitle = "A", CallingAeTitle = "B" }.ToArray();

        var exception = await ReadFailureAsync(bytes);

        Assert.Equal("A-ASSOCIATE-RQ Presentation Context Item", exception.Field);
    }

    [Fact]
    public async Task Non_numeric_uid_is_refused()
    {
        var pdu = new AssociateRequestPdu
        {
            CalledAeTitle = "A",
            CallingAeTitle = "B",
            PresentationContexts = [new Items.PresentationContextRequestItem(1, "1.2.x", ["1.2"])],
        };

        var exception = await ReadFailureAsync(pdu.ToArray());

        Assert.Equal("Abstract Syntax Sub-Item Abstract-syntax-name", exception.Field);
    }

    private static async Task<DicomNetworkProtocolException> ReadFailureAsync(byte[] bytes)
    {
        var reader = new PduReader(new MemoryStream(bytes), 16384, 4096);
        return await Assert.ThrowsAsync<DicomNetworkProtocolException>(async () => await reader.ReadAsync());
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
