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

    // PS3.6 Table A-1 entries newer than Debian's pydicom 2.3.1, supplied by tools/Teleread.DictionaryGenerator/uid-supplement.tsv.
    [Theory]
    [InlineData("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", false)]
    [InlineData("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", false)]
    [InlineData("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true)]
    [InlineData("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", false)]
    [InlineData("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", true)]
    [InlineData("1.2.840.10008.1.2.4.112", "JPEG XL", true)]
    [InlineData("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", false)]
    [InlineData("1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video", false)]
    [InlineData("1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio", false)]
    [InlineData("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", false)]
    public void Current_encapsulated_transfer_syntaxes_are_registered(string uid, string name, bool lossy)
    {
        var ts = DicomTransferSyntax.Lookup(uid);
        Assert.Equal(name, ts.Name);
        Assert.True(ts.IsEncapsulated);
        Assert.True(ts.IsExplicitVR);
        Assert.False(ts.IsDeflated); // Deflated Image Frame Compression deflates frames, not the data set
        Assert.Equal(lossy, ts.IsLossy);
        Assert.Contains(ts, DicomTransferSyntax.All);
        Assert.Equal(DicomUidType.TransferSyntax, DicomUids.Find(uid)!.Type);
    }

    [Fact]
    public void JPIP_HTJ2K_referenced_syntaxes_are_native_and_the_deflate_one_is_deflated()
    {
        Assert.False(DicomTransferSyntax.JPIPHTJ2KReferenced.IsEncapsulated);
        Assert.True(DicomTransferSyntax.JPIPHTJ2KReferencedDeflate.IsDeflated);
    }

    [Theory]
    [InlineData(DicomUids.PhotoacousticImageStorage, "Photoacoustic Image Storage")]
    [InlineData(DicomUids.LabelMapSegmentationStorage, "Label Map Segmentation Storage")]
    [InlineData(DicomUids.InventoryStorage, "Inventory Storage")]
    [InlineData(DicomUids.EnhancedRTImageStorage, "Enhanced RT Image Storage")]
    [InlineData(DicomUids.WaveformAnnotationSRStorage, "Waveform Annotation SR Storage")]
    public void Current_sop_classes_are_registered(string uid, string name)
    {
        var info = DicomUids.Find(uid)!;
        Assert.Equal(name, info.Name);
        Assert.Equal(DicomUidType.SopClass, info.Type);
    }

    [Fact]
    public void The_uid_supplement_refuses_an_entry_pydicom_already_has()
    {
        List<Teleread.DictionaryGenerator.UidRecord> uids = [new("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", "Transfer Syntax", false, "JPEG2000Lossless")];
        var supplement = Teleread.DictionaryGenerator.UidSupplement.Parse("# comment\n1.2.840.10008.1.2.4.90\tJPEG 2000\tTransfer Syntax\t\tJPEG2000Lossless\n");
        Assert.Throws<InvalidOperationException>(() => Teleread.DictionaryGenerator.UidSupplement.Merge(uids, supplement));
        Assert.Throws<FormatException>(() => Teleread.DictionaryGenerator.UidSupplement.Parse("1.2.3\tonly two\n"));
    }

    [Fact]
    public void The_uid_supplement_is_merged_in_uid_order_within_its_type()
    {
        List<Teleread.DictionaryGenerator.UidRecord> uids =
        [
            new("1.2.840.10008.1.2.4.108", "HEVC", "Transfer Syntax", false, "A"),
            new("1.2.840.10008.1.2.5", "RLE Lossless", "Transfer Syntax", false, "B"),
        ];
        Teleread.DictionaryGenerator.UidSupplement.Merge(uids, [new("1.2.840.10008.1.2.4.201", "HTJ2K", "Transfer Syntax", false, "C")]);
        Assert.Equal(["A", "C", "B"], uids.Select(u => u.Keyword));
    }
}
