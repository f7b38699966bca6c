using System.Security.Cryptography;
using System.Text;

namespace Teleread.Dicom.Web.Tests;

public sealed class MultipartRelatedTests
{
    private static async Task<(byte[] Body, string Boundary)> WriteAsync(params byte[][] parts)
    {
        var ms = new MemoryStream();
        var writer = new MultipartRelatedWriter(ms);
        foreach (var p in parts)
        {
            await writer.WritePartAsync(DicomMediaTypes.Dicom, new MemoryStream(p));
        }

        await writer.CompleteAsync();
        return (ms.ToArray(), writer.Boundary);
    }

    private static async Task<List<byte[]>> ReadAllAsync(Stream body, string boundary)
    {
        var reader = new MultipartRelatedReader(body, boundary);
        var result = new List<byte[]>();
        while (await reader.ReadNextPartAsync(CancellationToken.None) is { } part)
        {
            Assert.Equal(DicomMediaTypes.Dicom, part.ContentType);
            var ms = new MemoryStream();
            await part.Body.CopyToAsync(ms);
            result.Add(ms.ToArray());
        }

        return result;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70)]
    [InlineData(65_536)]
    [InlineData(1_000_003)]
    public async Task Parts_written_are_read_back_byte_for_byte(int size)
    {
        var a = RandomNumberGenerator.GetBytes(size);
        var b = RandomNumberGenerator.GetBytes(size / 2 + 3);
        var (body, boundary) = await WriteAsync(a, b);

        var parts = await ReadAllAsync(new MemoryStream(body), boundary);

        Assert.Equal(2, parts.Count);
        Assert.Equal(a, parts[0]);
        Assert.Equal(b, parts[1]);
    }

    [Fact]
    public async Task Body_containing_boundary_lookalikes_and_arriving_one_byte_at_a_time_is_read_exactly()
    {
        var tricky = Encoding.ASCII.GetBytes("\r\n--teleread-almost\r\n--x\r\n-\r");
        var (body, boundary) = await WriteAsync(tricky, [.. tricky, .. tricky]);

        var parts = await ReadAllAsync(new TrickleStream(body), boundary);

        Assert.Equal(tricky, parts[0]);
        Assert.Equal([.. tricky, .. tricky], parts[1]);
    }

    [Fact]
    public async Task Preamble_before_the_first_boundary_and_epilogue_are_ignored()
    {
        var text = "preamble text\r\n--B\r\nContent-Type: application/dicom\r\n\r\nhello\r\n--B--\r\nepilogue";
        var parts = await ReadAllAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)), "B");
        Assert.Equal("hello", Encoding.ASCII.GetString(Assert.Single(parts)));
    }

    [Fact]
    public async Task Truncated_body_fails_with_a_clear_error_instead_of_returning_a_short_part()
    {
        var (body, boundary) = await WriteAsync(RandomNumberGenerator.GetBytes(200_000));
        var truncated = body.AsSpan(0, body.Length / 2).ToArray();

        var ex = await Assert.ThrowsAsync<MultipartFormatException>(() => ReadAllAsync(new MemoryStream(truncated), boundary));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_without_the_boundary_is_rejected()
    {
        await Assert.ThrowsAsync<MultipartFormatException>(() => ReadAllAsync(new MemoryStream("no parts here"u8.ToArray()), "B"));
    }

    [Fact]
    public void Accept_header_is_ordered_by_quality_and_keeps_transfer_syntax_parameters()
    {
        var accept = MediaTypeValue.ParseAccept(
            "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1; q=0.5, multipart/related; type=\"application/dicom\"; transfer-syntax=*, application/json;q=0");

        Assert.Equal(2, accept.Count);
        Assert.Equal("*", accept[0].Parameter("transfer-syntax"));
        Assert.Equal("application/dicom", accept[0].Parameter("type"));
        Assert.Equal("1.2.840.10008.1.2.1", accept[1].Parameter("transfer-syntax"));
    }

    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
