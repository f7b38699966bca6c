using Teleread.Dicom.Deidentification;
using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Tests.Deidentification;

public sealed class DeidentifiedSampleTests
{
    public static TheoryData<string> Samples() => new()
    {
        "pydicom/test_files/CT_small.dcm",
        "pydicom/test_files/MR_small.dcm",
        "dicomscope/reportsi.dcm",
        "pydicom/test_files/reportsi.dcm",
        "pydicom/test_files/dicomdirtests/77654033/CR1/6154",
        "heudiconv/01-anat-scout/0001.dcm",
        "pydicom/test_files/waveform_ecg.dcm",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Deidentified_sample_passes_dcmdump_and_our_validator_with_no_identifier_left(string sample)
    {
        using var temp = new TempDirectory();
        var original = DicomFile.Open(TestFiles.Sample(sample));
        var identifiers = CollectIdentifiers(original.Dataset);
        var errorsBefore = DicomValidator.Validate(original).Errors.Where(f => f.Module != DicomValueChecker.ModuleName).Select(f => f.Tag).ToHashSet();

        new DicomDeidentifier(new DicomDeidentificationOptions(), new DicomUidMap("sample-key")).Deidentify(original);
        var path = temp.File("deid.dcm");
        original.Save(path);

        ExternalTool.AssertDcmdumpAccepts(path);
        var reread = DicomFile.Open(path);
        var newErrors = DicomValidator.Validate(reread).Errors
            .Where(f => f.Module != DicomValueChecker.ModuleName && !errorsBefore.Contains(f.Tag)).ToList();
        Assert.True(newErrors.Count == 0, string.Join("\n", newErrors));
        var remaining = AllStrings(reread.Dataset).Concat(reread.FileMetaInformation.GetStrings(DicomTags.MediaStorageSOPInstanceUID))
            .Where(identifiers.Contains).ToList();
        Assert.True(remaining.Count == 0, $"{sample}: still holds {string.Join(", ", remaining)}");
    }

    [Fact]
    public void A_series_gets_consistent_uids_and_references_follow()
    {
        var files = Directory.GetFiles(TestFiles.Sample("pydicom/test_files/dicomdirtests/98892001/CT5N")).Order(StringComparer.Ordinal)
            .Select(p => DicomFile.Open(p)).ToList();
        var originalStudy = files[0].Dataset.GetString(DicomTags.StudyInstanceUID);
        var originalSeries = files[0].Dataset.GetString(DicomTags.SeriesInstanceUID);
        var originalInstances = files.Select(f => f.Dataset.GetString(DicomTags.SOPInstanceUID)).ToList();
        Assert.All(files, f => Assert.Equal(originalStudy, f.Dataset.GetString(DicomTags.StudyInstanceUID)));

        var map = new DicomUidMap("series-key");
        var deidentifier = new DicomDeidentifier(new DicomDeidentificationOptions(), map);
        foreach (var f in files)
        {
            deidentifier.Deidentify(f);
        }

        var study = files[0].Dataset.GetString(DicomTags.StudyInstanceUID);
        Assert.NotEqual(originalStudy, study);
        Assert.All(files, f => Assert.Equal(study, f.Dataset.GetString(DicomTags.StudyInstanceUID)));
        Assert.All(files, f => Assert.Equal(map.Map(originalSeries), f.Dataset.GetString(DicomTags.SeriesInstanceUID)));
        Assert.Equal(originalInstances.Select(map.Map), files.Select(f => f.Dataset.GetString(DicomTags.SOPInstanceUID)));
        Assert.All(files, f => Assert.Equal(f.Dataset.GetString(DicomTags.SOPInstanceUID), f.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID)));
    }

    [Fact]
    public void Uid_references_inside_sr_content_are_remapped_consistently()
    {
        var file = DicomFile.Open(TestFiles.Sample("pydicom/test_files/reportsi.dcm"));
        var originalRefs = AllUids(file.Dataset).Where(u => DicomUids.Find(u) is null).ToHashSet();
        Assert.NotEmpty(originalRefs);
        var map = new DicomUidMap("sr");

        new DicomDeidentifier(new DicomDeidentificationOptions { CleanStructuredContent = true }, map).Deidentify(file);

        var after = AllUids(file.Dataset).Where(u => DicomUids.Find(u) is null).ToHashSet();
        Assert.Empty(after.Intersect(originalRefs));
        Assert.Subset(originalRefs.Select(map.Map).ToHashSet(), after);
    }

    private static HashSet<string> CollectIdentifiers(DicomDataset ds)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in new[] { DicomTags.PatientName, DicomTags.PatientID })
        {
            foreach (var v in ds.GetStrings(tag).Where(v => v.Length > 2))
            {
                set.Add(v);
            }
        }

        foreach (var (attribute, owner) in Walk(ds))
        {
            if (attribute is DicomElement e && (e.VR == DicomVR.DA || e.VR == DicomVR.DT || (e.VR == DicomVR.UI && !attribute.Tag.IsPrivate)))
            {
                foreach (var v in e.GetStrings(owner.CharacterSet).Where(v => v.Length >= 8 && DicomUids.Find(v) is null))
                {
                    set.Add(v);
                }
            }
        }

        return set;
    }

    private static IEnumerable<string> AllStrings(DicomDataset ds) =>
        Walk(ds).Where(p => p.Attribute is DicomElement { VR.IsString: true, IsBulkData: false })
            .SelectMany(p => ((DicomElement)p.Attribute).GetStrings(p.Owner.CharacterSet).Append(((DicomElement)p.Attribute).GetString(p.Owner.CharacterSet)));

    private static IEnumerable<string> AllUids(DicomDataset ds) =>
        Walk(ds).Where(p => p.Attribute is DicomElement { VR.Code: "UI" }).SelectMany(p => ((DicomElement)p.Attribute).GetStrings());

    private static IEnumerable<(DicomAttribute Attribute, DicomDataset Owner)> Walk(DicomDataset ds)
    {
        foreach (var a in ds)
        {
            yield return (a, ds);
            if (a is DicomSequence s)
            {
                foreach (var item in s.Items)
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
