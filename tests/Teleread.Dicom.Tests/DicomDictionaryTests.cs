namespace Teleread.Dicom.Tests;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Finds_patient_name_with_keyword_name_vr_and_vm()
    {
        var e = DicomDictionary.Find(DicomTags.PatientName)!;
        Assert.Equal("PatientName", e.Keyword);
        Assert.Equal("Patient's Name", e.Name);
        Assert.Equal([DicomVR.PN], e.ValueRepresentations);
        Assert.Equal("1", e.ValueMultiplicity);
        Assert.False(e.IsRetired);
    }

    [Fact]
    public void Lists_alternative_vrs_as_the_standard_does() =>
        Assert.Equal([DicomVR.US, DicomVR.SS], DicomDictionary.Find(DicomTags.SmallestImagePixelValue)!.ValueRepresentations);

    [Fact]
    public void Resolves_repeating_overlay_groups_through_the_mask()
    {
        var e = DicomDictionary.Find(new DicomTag(0x6002, 0x3000))!;
        Assert.Equal("OverlayData", e.Keyword);
        Assert.Null(DicomDictionary.Find(new DicomTag(0x6001, 0x3000)));
    }

    [Fact]
    public void Keeps_retired_attributes_with_their_flag()
    {
        var e = DicomDictionary.Find(new DicomTag(0x0008, 0x0024))!;
        Assert.Equal("OverlayDate", e.Keyword);
        Assert.True(e.IsRetired);
    }

    [Fact]
    public void Finds_well_known_private_tags_by_creator()
    {
        var e = DicomDictionary.FindPrivate(new DicomTag(0x0029, 0x1010), "SIEMENS CSA HEADER");
        Assert.NotNull(e);
        Assert.Equal("CSAImageHeaderInfo", e.Keyword);
        Assert.Null(DicomDictionary.FindPrivate(new DicomTag(0x0029, 0x1010), "NOBODY"));
    }

    [Fact]
    public void Knows_transfer_syntax_properties()
    {
        Assert.False(DicomTransferSyntax.ImplicitVRLittleEndian.IsExplicitVR);
        Assert.True(DicomTransferSyntax.ExplicitVRBigEndian.IsBigEndian);
        Assert.True(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.IsDeflated);
        Assert.True(DicomTransferSyntax.JPEGBaseline8Bit.IsEncapsulated);
        Assert.True(DicomTransferSyntax.JPEGBaseline8Bit.IsLossy);
        Assert.False(DicomTransferSyntax.RLELossless.IsLossy);
        Assert.False(DicomTransferSyntax.JPEGLSLossless.IsLossy);
        Assert.True(DicomTransferSyntax.JPEGLSNearLossless.IsLossy);
        Assert.Same(DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.1\0"));
    }

    [Fact]
    public void Names_sop_classes_from_the_uid_registry()
    {
        var ct = DicomUids.Find(DicomUids.CTImageStorage)!;
        Assert.Equal("CT Image Storage", ct.Name);
        Assert.Equal(DicomUidType.SopClass, ct.Type);
    }
}
