using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Tests.Validation;

public sealed class DicomValidatorTests
{
    private static DicomDataset ValidCt() => DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm")).Dataset;

    [Fact]
    public void Valid_ct_sample_has_no_errors()
    {
        var report = DicomValidator.Validate(ValidCt());

        Assert.Equal("CT Image", report.IodName);
        Assert.False(report.HasErrors, report.ToText());
    }

    [Theory]
    [InlineData("SOPInstanceUID", "SOP Common")]
    [InlineData("Modality", "General Series")]
    [InlineData("StudyInstanceUID", "General Study")]
    [InlineData("Rows", "Image Pixel")]
    [InlineData("RescaleSlope", "CT Image")]
    public void Reports_a_missing_type1_attribute_with_its_module(string keyword, string module)
    {
        var ds = ValidCt();
        var tag = DicomTag.Parse(keyword);
        Assert.True(ds.Remove(tag));

        var report = DicomValidator.Validate(ds);

        var finding = Assert.Single(report.Errors, f => f.Tag == tag && f.Module.StartsWith(module, StringComparison.Ordinal));
        Assert.Contains("missing (Type 1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_empty_type1_attribute_but_accepts_an_empty_type2()
    {
        var ds = ValidCt();
        ds.AddOrUpdate(new DicomElement(DicomTags.SeriesInstanceUID, DicomVR.UI, ReadOnlyMemory<byte>.Empty));
        ds.AddOrUpdate(new DicomElement(DicomTags.PatientBirthDate, DicomVR.DA, ReadOnlyMemory<byte>.Empty));

        var report = DicomValidator.Validate(ds);

        Assert.Contains(report.Errors, f => f.Tag == DicomTags.SeriesInstanceUID && f.Message.Contains("present but empty", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Tag == DicomTags.PatientBirthDate);
    }

    [Fact]
    public void Reports_a_missing_type2_attribute()
    {
        var ds = ValidCt();
        ds.Remove(DicomTags.PatientSex);

        var report = DicomValidator.Validate(ds);

        Assert.Contains(report.Errors, f => f.Tag == DicomTags.PatientSex && f.Message == "missing (Type 2)");
    }

    [Fact]
    public void Planar_configuration_is_required_only_for_several_samples_per_pixel()
    {
        var ds = ValidCt();
        Assert.DoesNotContain(DicomValidator.Validate(ds).Findings, f => f.Tag == DicomTags.PlanarConfiguration);

        ds.AddOrUpdate<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 3);

        Assert.Contains(DicomValidator.Validate(ds).Errors, f => f.Tag == DicomTags.PlanarConfiguration && f.Message.Contains("Type 1C", StringComparison.Ordinal));
    }

    [Fact]
    public void Pixel_data_is_required_unless_float_pixel_data_is_present()
    {
        var ds = ValidCt();
        ds.Remove(DicomTags.PixelData);
        Assert.Contains(DicomValidator.Validate(ds).Errors, f => f.Tag == DicomTags.PixelData);

        ds.AddOrUpdate(new DicomElement(DicomTags.FloatPixelData, DicomVR.OF, new byte[4]));
        Assert.DoesNotContain(DicomValidator.Validate(ds).Errors, f => f.Tag == DicomTags.PixelData);
    }

    [Fact]
    public void Unknown_sop_class_gets_value_checks_and_a_warning()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SOPClassUID, "1.2.3.4");
        ds.AddOrUpdate(DicomTags.Modality, "ct");

        var report = DicomValidator.Validate(ds);

        Assert.Null(report.IodName);
        Assert.Contains(report.Warnings, f => f.Tag == DicomTags.SOPClassUID);
        Assert.Contains(report.Errors, f => f.Tag == DicomTags.Modality);
    }

    [Fact]
    public void Every_iod_table_names_its_sections_and_known_sop_classes()
    {
        Assert.Equal(9, DicomIods.All.Count);
        foreach (var iod in DicomIods.All)
        {
            Assert.StartsWith("A.", iod.Section, StringComparison.Ordinal);
            Assert.All(iod.SopClassUids, uid => Assert.NotNull(DicomUids.Find(uid)));
            Assert.All(iod.Modules, m => Assert.StartsWith("C.", m.Module.Section, StringComparison.Ordinal));
            Assert.Same(iod, DicomIods.ForSopClass(iod.SopClassUids[0]));
        }
    }

    [Fact]
    public void Text_rendering_lists_iod_findings_and_counts()
    {
        var ds = ValidCt();
        ds.Remove(DicomTags.SOPInstanceUID);

        var text = DicomValidator.Validate(ds).ToText("ct.dcm");

        Assert.StartsWith("ct.dcm: checked as CT Image", text, StringComparison.Ordinal);
        Assert.Contains("Error: (0008,0018) SOPInstanceUID [SOP Common (PS3.3 C.12.1)] missing (Type 1)", text, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 0 warning(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_errors_inside_sequences_carry_their_path()
    {
        var ds = ValidCt();
        var item = new DicomItem();
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, "1.02.3");
        ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedImageSequence, item));

        var finding = Assert.Single(DicomValidator.Validate(ds).Errors);

        Assert.Equal("(0008,1140)[0]/", finding.Path);
        Assert.Equal(DicomTags.ReferencedSOPInstanceUID, finding.Tag);
    }
}
