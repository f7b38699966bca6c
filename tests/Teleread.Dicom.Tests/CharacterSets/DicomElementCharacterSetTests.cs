using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Character sets through the data model: values split only at delimiters that are single bytes (PS3.5 6.1.2.3).</summary>
public class DicomElementCharacterSetTests
{
    [Theory]
    [InlineData("GB18030", "乗")] // 0x81 0x5C
    [InlineData("GBK", "昞")] // 0x95 0x5C
    public void Multi_valued_value_with_a_05_12_trail_byte_splits_only_at_real_delimiters(string term, string character)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term]);
        var element = DicomElement.FromStrings(DicomTags.OtherPatientIDs, DicomVR.LO, [character + "1", "B"], cs);

        Assert.Equal(2, element.LoadValue().Span.Count((byte)0x5C)); // the trail byte and the delimiter
        Assert.Equal([character + "1", "B"], element.GetStrings(cs));
    }

    [Theory]
    [InlineData("GB18030", "乗")] // 0x81 0x5C
    [InlineData("GBK", "昞")] // 0x95 0x5C
    [InlineData("GB18030", "乗乗乗")]
    public void Value_multiplicity_counts_delimiters_after_decoding_not_0x5C_bytes(string term, string character)
    {
        var dataset = new DicomDataset();
        dataset.Add(DicomElement.FromString(DicomTags.SpecificCharacterSet, DicomVR.CS, term));
        dataset.Add(DicomElement.FromStrings(DicomTags.OtherPatientIDs, DicomVR.LO, [character + "1", "B", character], dataset.CharacterSet));
        dataset.Add(DicomElement.FromString(DicomTags.PatientName, DicomVR.PN, "王^" + character, dataset.CharacterSet));
        var ids = dataset.GetElement(DicomTags.OtherPatientIDs)!;

        Assert.True(ids.LoadValue().Span.Count((byte)0x5C) > 2);
        Assert.Equal(3, ids.GetCount(dataset.CharacterSet));
        Assert.Equal(3, dataset.GetCount(DicomTags.OtherPatientIDs));
        Assert.Equal(1, dataset.GetCount(DicomTags.PatientName));
        Assert.Equal(0, dataset.GetCount(DicomTags.PatientID));
    }

    [Fact]
    public void Validator_takes_the_value_multiplicity_of_a_gbk_name_with_a_0x5C_trail_byte_as_one()
    {
        var dataset = new DicomDataset();
        dataset.Add(DicomElement.FromString(DicomTags.SpecificCharacterSet, DicomVR.CS, "GBK"));
        dataset.Add(DicomElement.FromString(DicomTags.PatientName, DicomVR.PN, "昞^昞", dataset.CharacterSet)); // VM 1
        var name = dataset.GetElement(DicomTags.PatientName)!;

        Assert.Equal(3, name.Count); // the raw default-repertoire count sees the two trail bytes
        Assert.Empty(Teleread.Dicom.Validation.DicomValueChecker.Check(name, dataset));
    }

    [Fact]
    public void Japanese_person_name_round_trips_through_an_element_in_a_data_set()
    {
        var dataset = new DicomDataset();
        dataset.Add(DicomElement.FromStrings(DicomTags.SpecificCharacterSet, DicomVR.CS, ["", "ISO 2022 IR 87"]));
        dataset.Add(DicomElement.FromString(DicomTags.PatientName, DicomVR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", dataset.CharacterSet));

        var name = dataset.GetElement(DicomTags.PatientName)!;

        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", name.GetString(dataset.CharacterSet));
        Assert.Equal(0, name.LoadValue().Length % 2);
    }
}
