using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>A study made from pydicom's CT_small: series 1 with two instances, series 2 with one; fresh UIDs each time.</summary>
public sealed record TwoSeriesStudy(string StudyUid, string Series1Uid, string Series2Uid, IReadOnlyList<string> Files, string Directory)
{
    public static TwoSeriesStudy Create(string patientId)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("teleread-study-").FullName;
        var study = NewUid();
        var series = new[] { NewUid(), NewUid() };
        var files = new List<string>();
        foreach (var (seriesUid, number) in new[] { (series[0], 1), (series[0], 2), (series[1], 3) })
        {
            var file = DicomFile.Open(RepoPaths.Sample("pydicom/test_files/CT_small.dcm"));
            var sop = NewUid();
            file.Dataset.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study);
            file.Dataset.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid);
            file.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
            file.Dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patientId);
            file.Dataset.AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            file.FileMetaInformation.AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sop);
            var path = Path.Combine(directory, $"{number}.dcm");
            file.Save(path);
            files.Add(path);
        }

        return new TwoSeriesStudy(study, series[0], series[1], files, directory);
    }

    private static string NewUid() => "2.25." + new System.Numerics.BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true);
}
