using System.Text;
using Teleread.Dicom.Json.Xml;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

public sealed class XmlRoundTripTests
{
    public static TheoryData<string> Files => new(RepoPaths.AllSampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Dataset_to_xml_to_dataset_keeps_every_value(string file)
    {
        var original = DicomFile.Open(RepoPaths.Sample(file)).Dataset;
        var xml = DicomXmlWriter.Serialize(original);
        var back = DicomXmlReader.Read(xml);
        DatasetValues.AssertSame(original, back);
        Assert.Equal(xml, DicomXmlWriter.Serialize(back));
    }

    [Fact]
    public void Writes_person_name_groups_and_components_per_ps3_19()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        var xml = DicomXmlWriter.Serialize(ds);
        Assert.Contains("""<DicomAttribute tag="00100010" vr="PN" keyword="PatientName"><PersonName number="1"><Alphabetic><FamilyName>Yamada</FamilyName><GivenName>Tarou</GivenName></Alphabetic><Ideographic><FamilyName>山田</FamilyName><GivenName>太郎</GivenName></Ideographic><Phonetic><FamilyName>やまだ</FamilyName><GivenName>たろう</GivenName></Phonetic></PersonName></DicomAttribute>""", xml, StringComparison.Ordinal);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", DicomXmlReader.Read(xml).GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Reads_values_by_number_private_creators_and_bulk_data()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">
              <DicomAttribute tag="00080008" vr="CS" keyword="ImageType"><Value number="1">ORIGINAL</Value><Value number="3">AXIAL</Value></DicomAttribute>
              <DicomAttribute tag="00090010" vr="LO"><Value number="1">ACME</Value></DicomAttribute>
              <DicomAttribute tag="00091001" vr="US" privateCreator="ACME"><Value number="1">7</Value><Value number="2">9</Value></DicomAttribute>
              <DicomAttribute tag="00100010" vr="PN"><PersonName number="1"><SingleByte><FamilyName>Doe</FamilyName><GivenName>J</GivenName></SingleByte></PersonName></DicomAttribute>
              <DicomAttribute tag="7FE00010" vr="OW"><BulkData uri="https://example/bulk/1"/></DicomAttribute>
            </NativeDicomModel>
            """;
        var ds = DicomXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), out var bulk);
        Assert.Equal(["ORIGINAL", "", "AXIAL"], ds.GetStrings(DicomTags.ImageType));
        Assert.Equal([7, 9], ds.GetValues<int>(new DicomTag(0x0009, 0x1001)));
        Assert.Equal("Doe^J", ds.GetString(DicomTags.PatientName));
        Assert.Equal("https://example/bulk/1", Assert.Single(bulk).Uri);
    }

    [Fact]
    public void Rejects_malformed_xml_with_a_typed_exception()
    {
        Assert.Throws<DicomJsonException>(() => DicomXmlReader.Read("<NativeDicomModel><DicomAttribute tag=\"0010\" vr=\"PN\"/></NativeDicomModel>"));
        Assert.Throws<DicomJsonException>(() => DicomXmlReader.Read("<NativeDicomModel><DicomAttribute tag=\"00100010\""));
        Assert.Throws<DicomJsonException>(() => DicomXmlReader.Read("<Other/>"));
    }
}
