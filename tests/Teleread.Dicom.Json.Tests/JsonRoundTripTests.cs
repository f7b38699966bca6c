using System.Text;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

public sealed class JsonRoundTripTests
{
    public static TheoryData<string> Files => new(RepoPaths.AllSampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Dataset_to_json_to_dataset_keeps_every_value(string file)
    {
        var original = DicomFile.Open(RepoPaths.Sample(file)).Dataset;
        var json = DicomJsonWriter.Serialize(original);
        var back = DicomJsonReader.Read(json);
        DatasetValues.AssertSame(original, back);
        Assert.Equal(json, DicomJsonWriter.Serialize(back));
    }

    [Fact]
    public void Japanese_person_name_gives_the_three_groups_and_reads_back_in_utf8()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        var json = DicomJsonWriter.Serialize(ds);
        Assert.Contains("""{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"}""", json, StringComparison.Ordinal);
        var back = DicomJsonReader.Read(json);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", back.GetString(DicomTags.PatientName));
        Assert.Equal(Padded("Yamada^Tarou=山田^太郎=やまだ^たろう"), back.GetElement(DicomTags.PatientName)!.Value.ToArray());
    }

    [Fact]
    public void Non_ascii_json_without_a_character_set_is_read_as_iso_ir_192()
    {
        var back = DicomJsonReader.Read("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"Müller^Zoë"}]},"00081030":{"vr":"LO","Value":["Ärzte"]}}""");
        Assert.Equal("ISO_IR 192", back.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("Müller^Zoë", back.GetString(DicomTags.PatientName));
        Assert.Equal(Padded("Ärzte"), back.GetElement(DicomTags.StudyDescription)!.Value.ToArray());
    }

    [Fact]
    public void Text_is_encoded_in_the_declared_character_set()
    {
        var back = DicomJsonReader.Read("""{"00080005":{"vr":"CS","Value":["ISO_IR 100"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Müller"}]}}""");
        Assert.Equal([(byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r'], back.GetElement(DicomTags.PatientName)!.Value.ToArray());
    }

    [Fact]
    public void Text_the_declared_character_set_cannot_hold_is_rejected()
    {
        var ex = Assert.Throws<DicomJsonException>(() => DicomJsonReader.Read("""{"00080005":{"vr":"CS","Value":["ISO_IR 100"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"山田"}]}}"""));
        Assert.Contains("ISO_IR 100", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Padded(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, (byte)' '];
    }
}
