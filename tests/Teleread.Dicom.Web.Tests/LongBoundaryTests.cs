using System.Text;

namespace Teleread.Dicom.Web.Tests;

public sealed class LongBoundaryTests
{
    [Fact]
    public async Task Reads_the_73_character_boundary_Orthanc_sends_and_refuses_absurd_ones()
    {
        const string boundary = "e2d4f444-212a-4f5a-88fd-eda9f1a1b061-e2d4f444-212a-4f5a-88fd-eda9f1a1b061";
        var body = new MemoryStream();
        var writer = new MultipartRelatedWriter(body, boundary);
        await writer.WritePartAsync(DicomMediaTypes.Dicom, new MemoryStream(Encoding.ASCII.GetBytes("DICM")));
        await writer.CompleteAsync();
        body.Position = 0;

        var reader = new MultipartRelatedReader(body, boundary);
        var part = await reader.ReadNextPartAsync(CancellationToken.None);
        using var content = new MemoryStream();
        await part!.Body.CopyToAsync(content);

        Assert.Equal("DICM", Encoding.ASCII.GetString(content.ToArray()));
        Assert.Null(await reader.ReadNextPartAsync(CancellationToken.None));
        Assert.Throws<MultipartFormatException>(() => new MultipartRelatedReader(Stream.Null, new string('b', MultipartRelatedReader.MaxBoundaryLength + 1)));
    }
}
