using Teleread.Dicom.Deidentification;

namespace Teleread.Dicom.Tests.Deidentification;

public sealed class DicomDeidentifierActionTests
{
    private const string StudyUid = "1.2.3.4.5";

    private static DicomDataset Synthetic()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomUids.CTImageStorage);
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, "1.2.3.4.5.6");
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, StudyUid);
        ds.AddOrUpdate(DicomTags.PatientName, "DOE^JOHN");
        ds.AddOrUpdate(DicomTags.PatientID, "PID123");
        ds.AddOrUpdate(DicomTags.AccessionNumber, "ACC9");
        ds.AddOrUpdate(DicomTags.StudyDate, "20200115");
        ds.AddOrUpdate(DicomTags.AcquisitionDate, "20200115");
        ds.AddOrUpdate(DicomTags.ContentDate, "20200115");
        ds.AddOrUpdate(DicomTags.StudyDescription, "Head CT for Doe");
        ds.AddOrUpdate(DicomTags.InstitutionName, "General Hospital");
        ds.AddOrUpdate(DicomTags.StationName, "CT01");
        ds.AddOrUpdate(DicomTags.VerifyingObserverName, "SMITH^ANN");
        ds.AddOrUpdate(DicomTags.PatientAge, "045Y");
        var reference = new DicomItem();
        reference.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomUids.CTImageStorage);
        reference.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5.7");
        ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedImageSequence, reference));
        return ds;
    }

    private static DicomDataset Run(DicomDeidentificationOptions? options = null)
    {
        var ds = Synthetic();
        new DicomDeidentifier(options ?? new DicomDeidentificationOptions(), new DicomUidMap("test-key")).Deidentify(ds);
        return ds;
    }

    public static TheoryData<string, string, string?> BasicProfileCases() => new()
    {
        // keyword, Table E.1-1 action, expected value (null = removed)
        { "StudyDescription", "X", null },
        { "AccessionNumber", "Z", "" },
        { "PatientID", "Z", "" },
        { "StudyDate", "Z", "" },
        { "AcquisitionDate", "X/Z", null },
        { "ContentDate", "Z/D", "" },
        { "InstitutionName", "X/Z/D", null },
        { "StationName", "X/Z/D", null },
        { "VerifyingObserverName", "D", "ANONYMIZED" },
        { "PatientAge", "X", null },
    };

    [Theory]
    [MemberData(nameof(BasicProfileCases))]
    public void Applies_the_basic_profile_action(string keyword, string action, string? expected)
    {
        var tag = DicomTag.Parse(keyword);
        Assert.Equal(action, ConfidentialityProfile.Find(tag)!.BasicProfile);

        var ds = Run();

        Assert.Equal(expected, ds.GetStringOrDefault(tag));
    }

    [Fact]
    public void U_replaces_uids_under_2_25_and_x_z_u_star_keeps_references_with_new_uids()
    {
        var map = new DicomUidMap("test-key");
        var ds = Synthetic();
        new DicomDeidentifier(new DicomDeidentificationOptions(), map).Deidentify(ds);

        Assert.Equal(map.Map("1.2.3.4.5.6"), ds.GetString(DicomTags.SOPInstanceUID));
        Assert.StartsWith("2.25.", ds.GetString(DicomTags.SOPInstanceUID), StringComparison.Ordinal);
        Assert.Equal(DicomUids.CTImageStorage, ds.GetString(DicomTags.SOPClassUID));
        var item = Assert.Single(ds.GetSequence(DicomTags.ReferencedImageSequence)!.Items);
        Assert.Equal(map.Map("1.2.3.4.5.7"), item.GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal(DicomUids.CTImageStorage, item.GetString(DicomTags.ReferencedSOPClassUID));
    }

    public static TheoryData<string, string, string?> OptionCases() => new()
    {
        { "uids", "StudyInstanceUID", StudyUid },
        { "device", "StationName", "CT01" },
        { "institution", "InstitutionName", "General Hospital" },
        { "characteristics", "PatientAge", "045Y" },
        { "dates", "AcquisitionDate", "20200115" },
        { "modified-dates", "AcquisitionDate", "20200105" },
        { "descriptors", "StudyDescription", "Head CT for ***" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Options_change_the_action(string option, string keyword, string? expected)
    {
        var options = option switch
        {
            "uids" => new DicomDeidentificationOptions { RetainUids = true },
            "device" => new DicomDeidentificationOptions { RetainDeviceIdentity = true },
            "institution" => new DicomDeidentificationOptions { RetainInstitutionIdentity = true },
            "characteristics" => new DicomDeidentificationOptions { RetainPatientCharacteristics = true },
            "dates" => new DicomDeidentificationOptions { RetainFullDates = true },
            "modified-dates" => new DicomDeidentificationOptions { RetainModifiedDates = true, DateShift = TimeSpan.FromDays(-10) },
            _ => new DicomDeidentificationOptions { CleanDescriptors = true },
        };

        var ds = Run(options);

        Assert.Equal(expected, ds.GetStringOrDefault(DicomTag.Parse(keyword)));
    }

    [Fact]
    public void Pseudonyms_replace_patient_name_and_id_and_method_attributes_are_added()
    {
        var ds = Run(new DicomDeidentificationOptions { PatientIdPseudonym = "SUBJ-001", PatientNamePseudonym = "SUBJECT^001", RetainUids = true });

        Assert.Equal("SUBJ-001", ds.GetString(DicomTags.PatientID));
        Assert.Equal("SUBJECT^001", ds.GetString(DicomTags.PatientName));
        Assert.Equal("YES", ds.GetString(DicomTags.PatientIdentityRemoved));
        Assert.Equal("REMOVED", ds.GetString(DicomTags.LongitudinalTemporalInformationModified));
        var codes = ds.GetSequence(DicomTags.DeidentificationMethodCodeSequence)!.Items.Select(i => i.GetString(DicomTags.CodeValue)).ToArray();
        Assert.Equal(["113100", "113110"], codes);
        Assert.Contains("Retain UIDs Option", ds.GetStrings(DicomTags.DeidentificationMethod));
    }

    [Fact]
    public void Private_attributes_are_removed_unless_safe_private_is_retained()
    {
        DicomDataset WithPrivate()
        {
            var ds = Synthetic();
            ds.AddOrUpdate(new DicomTag(0x0029, 0x0010), DicomVR.LO, "ACME");
            ds.AddOrUpdate(new DicomTag(0x0029, 0x1010), DicomVR.LO, "DOE JOHN");
            ds.AddOrUpdate<ushort>(new DicomTag(0x0029, 0x1011), DicomVR.US, 7);
            return ds;
        }

        var basic = WithPrivate();
        new DicomDeidentifier(new DicomDeidentificationOptions(), new DicomUidMap("k")).Deidentify(basic);
        Assert.DoesNotContain(basic, a => a.Tag.IsPrivate);

        var safe = WithPrivate();
        new DicomDeidentifier(new DicomDeidentificationOptions { RetainSafePrivate = true }, new DicomUidMap("k")).Deidentify(safe);
        Assert.Equal("ACME", safe.GetString(new DicomTag(0x0029, 0x0010)));
        Assert.False(safe.Contains(new DicomTag(0x0029, 0x1010)));
        Assert.Equal(7, safe.GetInt32(new DicomTag(0x0029, 0x1011)));
    }

    [Fact]
    public void Burned_in_annotation_is_flagged_and_pixels_untouched()
    {
        var ds = Synthetic();
        ds.AddOrUpdate(DicomTags.BurnedInAnnotation, "YES");
        byte[] pixels = [1, 2, 3, 4];
        ds.AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, pixels));

        var result = new DicomDeidentifier(new DicomDeidentificationOptions(), new DicomUidMap("k")).Deidentify(ds);

        Assert.Contains(result.Warnings, w => w.Contains("Burned In Annotation", StringComparison.Ordinal));
        Assert.Equal(pixels, ds.GetElement(DicomTags.PixelData)!.Value.ToArray());
    }

    [Fact]
    public void Table_covers_every_row_with_known_actions()
    {
        string[] known = ["K", "X", "Z", "D", "C", "U", "X/Z", "X/D", "Z/D", "X/Z/D", "X/Z/U*"];
        Assert.True(ConfidentialityProfile.Rules.Count >= 450, $"{ConfidentialityProfile.Rules.Count} rows");
        Assert.All(ConfidentialityProfile.Rules, r => Assert.Contains(r.BasicProfile, known));
        Assert.All(ConfidentialityProfile.Rules, r => Assert.All(r.OptionActions, o => Assert.Contains(o.Key, "PUVICFMDSG")));
        Assert.Equal(ConfidentialityProfile.Rules.Count, ConfidentialityProfile.Rules.Select(r => r.Key).Distinct().Count());
        Assert.Equal("X", ConfidentialityProfile.Find(new DicomTag(0x6002, 0x3000))!.BasicProfile);
        Assert.Equal("X", ConfidentialityProfile.Find(new DicomTag(0x5004, 0x0010))!.BasicProfile);
    }
}
