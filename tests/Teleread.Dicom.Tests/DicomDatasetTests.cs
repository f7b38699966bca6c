using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

public sealed class DicomDatasetTests
{
    [Fact]
    public void Keeps_attributes_in_ascending_tag_order_whatever_the_insertion_order()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.PatientID, "42")
            .AddOrUpdate(DicomTags.Modality, "CT")
            .AddOrUpdate(DicomTags.PatientName, "Doe^John");
        Assert.Equal([DicomTags.Modality, DicomTags.PatientName, DicomTags.PatientID], ds.Select(a => a.Tag));
        Assert.Throws<DicomDataException>(() => ds.Add(DicomElement.FromString(DicomTags.Modality, DicomVR.CS, "MR")));
        Assert.True(ds.Remove(DicomTags.Modality));
        Assert.False(ds.Contains(DicomTags.Modality));
    }

    [Fact]
    public void Reads_typed_values_from_a_real_file()
    {
        var ds = DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm")).Dataset;
        Assert.Equal(128, ds.GetInt32(DicomTags.Rows));
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], ds.GetStrings(DicomTags.ImageType));
        Assert.Equal(3, ds.GetValues<double>(DicomTags.ImagePositionPatient).Length);
        Assert.Equal("CT", ds.GetString(DicomTags.Modality));
        Assert.Equal("CompressedSamples", ds.GetPersonName(DicomTags.PatientName).Alphabetic.Family);
        Assert.False(ds.TryGetString(DicomTags.PerformingPhysicianName, out _));
    }

    [Fact]
    public void Encodes_numbers_in_the_vr_and_pads_odd_text()
    {
        var ds = new DicomDataset()
            .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, 512)
            .AddOrUpdate<double>(DicomTags.PixelSpacing, DicomVR.DS, 0.5, 1.0 / 3)
            .AddOrUpdate(DicomTags.Modality, "MRI");
        Assert.Equal(new byte[] { 0x00, 0x02 }, ds.GetElement(DicomTags.Rows)!.Value.ToArray());
        Assert.Equal(0.5, ds.GetDouble(DicomTags.PixelSpacing));
        Assert.True(ds.GetElement(DicomTags.PixelSpacing)!.GetStrings().All(s => s.Length <= 16));
        Assert.Equal("MRI ", System.Text.Encoding.ASCII.GetString(ds.GetElement(DicomTags.Modality)!.Value.Span));
        Assert.Equal("MRI", ds.GetString(DicomTags.Modality));
    }

    [Fact]
    public void Items_inherit_the_specific_character_set_of_their_data_set()
    {
        var ds = DicomFile.Open(TestFiles.Sample("pydicom/charset_files/chrFren.dcm")).Dataset;
        Assert.Contains("Buc", ds.GetString(DicomTags.PatientName), StringComparison.Ordinal);
        var item = new DicomItem();
        ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedStudySequence, item));
        Assert.Same(ds.CharacterSet, item.CharacterSet);
    }

    [Fact]
    public void Parses_person_name_groups_and_components()
    {
        var pn = DicomPersonName.Parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        Assert.Equal("Yamada", pn.Alphabetic.Family);
        Assert.Equal("太郎", pn.Ideographic.Given);
        Assert.Equal("やまだ", pn.Phonetic.Family);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.ToString());
        Assert.Equal("Doe^John", DicomPersonName.Parse("Doe^John^^^").ToString());
    }

    [Fact]
    public void Observer_stop_leaves_the_stream_at_the_pixel_data_element()
    {
        var bytes = File.ReadAllBytes(TestFiles.Sample("pydicom/test_files/CT_small.dcm"));
        using var stream = new MemoryStream(bytes);
        var builder = new DicomDatasetBuilder();
        var result = DicomReader.Read(stream, builder, DicomReaderOptions.HeaderOnly);
        Assert.Equal(DicomTags.PixelData, result.StoppedAt);
        Assert.Equal(result.StoppedAtOffset, stream.Position);
        Assert.Equal(new byte[] { 0xE0, 0x7F, 0x10, 0x00 }, bytes[(int)stream.Position..((int)stream.Position + 4)]);
        Assert.False(builder.Root.Contains(DicomTags.PixelData));
    }

    [Fact]
    public void Writes_sequences_with_defined_lengths_when_asked_and_reads_them_back()
    {
        var file = DicomFile.Open(TestFiles.Sample("pydicom/test_files/reportsi.dcm"));
        using var stream = new MemoryStream();
        file.Save(stream, options: new DicomWriteOptions { SequenceLength = DicomSequenceLength.Defined });
        stream.Position = 0;
        var back = DicomFile.Open(stream);
        Assert.Equal(DatasetComparer.Canonical(file.Dataset), DatasetComparer.Canonical(back.Dataset));
        Assert.All(back.Dataset.OfType<DicomSequence>(), s => Assert.False(s.UndefinedLength));
    }
}
