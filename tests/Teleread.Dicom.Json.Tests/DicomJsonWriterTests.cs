using System.Diagnostics;
using System.Text;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

[Collection(nameof(TimingCollection))]
public sealed class DicomJsonWriterTests
{
    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("-5", "-5")]
    [InlineData("2.5e-3", "2.5e-3")]
    [InlineData("+1", "\"+1\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData("007", "\"007\"")]
    [InlineData("1.", "\"1.\"")]
    public void Decimal_strings_are_numbers_only_when_their_text_is_a_json_number(string ds, string json)
    {
        var d = new DicomDataset().AddOrUpdate(DicomTags.SliceThickness, ds);
        Assert.Equal("{\"00180050\":{\"vr\":\"DS\",\"Value\":[" + json + "]}}", DicomJsonWriter.Serialize(d));
        Assert.Equal(ds, DicomJsonReader.Read(DicomJsonWriter.Serialize(d)).GetString(DicomTags.SliceThickness));
    }

    [Fact]
    public void Writes_attribute_tags_empty_values_and_nulls_per_annex_f()
    {
        var d = new DicomDataset()
            .AddOrUpdate(DicomTags.ImageType, "ORIGINAL", "", "AXIAL")
            .AddOrUpdate(DicomTags.AccessionNumber)
            .AddOrUpdate(DicomElement.FromValues<uint>(DicomTags.FrameIncrementPointer, DicomVR.AT, 0x00181063u))
            .AddOrUpdate(new DicomSequence(DicomTags.ReferencedSeriesSequence));
        Assert.Equal(
            """{"00080008":{"vr":"CS","Value":["ORIGINAL",null,"AXIAL"]},"00080050":{"vr":"SH"},"00081115":{"vr":"SQ"},"00280009":{"vr":"AT","Value":["00181063"]}}""",
            DicomJsonWriter.Serialize(d));
    }

    [Fact]
    public void Binary_values_go_inline_or_to_the_callers_bulk_data_uri_by_size()
    {
        var d = new DicomDataset()
            .AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, new byte[2000]))
            .AddOrUpdate(new DicomSequence(DicomTags.IconImageSequence, Item(new DicomElement(DicomTags.PixelData, DicomVR.OB, new byte[] { 1, 2 }))));
        var paths = new List<string>();
        var json = DicomJsonWriter.Serialize(d, new DicomJsonWriterOptions
        {
            InlineBinaryThreshold = 1,
            BulkDataUri = b => { paths.Add(b.TagPath); return b.Length > 100 ? "https://x/bulk/" + b.TagPath : null; },
        });
        Assert.Equal(["00880200/0/7FE00010", "7FE00010"], paths);
        Assert.Contains("\"InlineBinary\":\"AQI=\"", json, StringComparison.Ordinal);
        Assert.Contains("\"BulkDataURI\":\"https://x/bulk/7FE00010\"", json, StringComparison.Ordinal);
        var back = DicomJsonReader.Read(Encoding.UTF8.GetBytes(json), out var bulk);
        var uri = Assert.Single(bulk);
        Assert.Equal("https://x/bulk/7FE00010", uri.Uri);
        uri.Resolve(new byte[2000]);
        Assert.Equal(2000, back.GetElement(DicomTags.PixelData)!.Length);
    }

    [Fact]
    public void File_bulk_data_uris_point_at_the_value_in_the_file()
    {
        var path = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
        var file = DicomFile.Open(path, new DicomReaderOptions { BulkDataThreshold = 1024 });
        var json = DicomJsonWriter.Serialize(file.Dataset, new DicomJsonWriterOptions { BulkDataUri = DicomFileBulkDataUri.For });
        Assert.Contains("\"BulkDataURI\":\"file://", json, StringComparison.Ordinal);
        var back = DicomJsonReader.Read(json);
        Assert.True(DicomFile.Open(path).Dataset.GetElement(DicomTags.PixelData)!.Value.Span.SequenceEqual(back.GetElement(DicomTags.PixelData)!.LoadValue().Span));
    }

    [Fact]
    public void Writes_the_metadata_array_form_and_reads_it_back()
    {
        var a = new DicomDataset().AddOrUpdate(DicomTags.SOPInstanceUID, "1.2.3");
        var b = new DicomDataset().AddOrUpdate(DicomTags.SOPInstanceUID, "1.2.4");
        using var stream = new MemoryStream();
        DicomJsonWriter.WriteArray(stream, [a, b]);
        var all = DicomJsonReader.ReadArray(stream.ToArray());
        Assert.Equal(["1.2.3", "1.2.4"], all.Select(d => d.GetString(DicomTags.SOPInstanceUID)));
    }

    [Fact]
    public void Rejects_malformed_json_with_a_typed_exception()
    {
        Assert.Throws<DicomJsonException>(() => DicomJsonReader.Read("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A"}]"""));
        Assert.Throws<DicomJsonException>(() => DicomJsonReader.Read("""{"0010001":{"vr":"PN"}}"""));
        Assert.Throws<DicomJsonException>(() => DicomJsonReader.Read("""{"00280010":{"vr":"US","Value":["x"]}}"""));
        Assert.Throws<DicomJsonException>(() => DicomJsonReader.Read("""{"00280010":{"Value":[1]}}"""));
    }

    [Fact]
    public void A_300_element_header_is_written_in_well_under_a_millisecond()
    {
        var d = new DicomDataset();
        for (ushort i = 0; i < 300; i++)
        {
            d.AddOrUpdate(new DicomTag(0x0011, (ushort)(0x1000 + i)), (i % 3) switch { 0 => DicomVR.LO, 1 => DicomVR.DS, _ => DicomVR.PN }, (i % 3) switch { 0 => "value " + i, 1 => "1.5\\" + i, _ => "Doe^John" });
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        for (var i = 0; i < 200; i++)
        {
            buffer.ResetWrittenCount();
            DicomJsonWriter.Write(buffer, d);
        }

        // Best of 20 batches: the machine is shared, and the fastest batch is the writer's own cost.
        var perHeader = double.MaxValue;
        for (var batch = 0; batch < 20; batch++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 50; i++)
            {
                buffer.ResetWrittenCount();
                DicomJsonWriter.Write(buffer, d);
            }

            perHeader = Math.Min(perHeader, sw.Elapsed.TotalMilliseconds / 50);
        }

        // Measured about 0.13 ms (Release, best batch) on 2 shared cores. A Debug build runs without JIT optimisation
        // (measured 0.5 to 1.4 ms), so there the bound only catches gross regressions.
#if DEBUG
        const double bound = 5.0;
#else
        const double bound = 1.0;
#endif
        Assert.True(perHeader < bound, $"{perHeader:F3} ms per 300-element header");
    }

    private static DicomItem Item(DicomAttribute attribute)
    {
        var item = new DicomItem();
        item.AddOrUpdate(attribute);
        return item;
    }
}
