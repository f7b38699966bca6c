using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Benchmarks;

/// <summary>One tiny Part 10 file per <see cref="SyntheticIndex"/> study (its first instance, 8×8 pixels), to load a peer such as Orthanc.</summary>
internal static class StudyFiles
{
    public static int Write(string folder, int studies)
    {
        Directory.CreateDirectory(folder);
        var pixels = new byte[8 * 8 * 2];
        for (var n = 0; n < studies; n++)
        {
            var (r, _) = SyntheticIndex.Studies(["bench"], n, 1)[0];
            var ds = new DicomDataset()
                .AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 192")
                .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, r.SopClassUid)
                .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, r.SopInstanceUid)
                .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, r.StudyUid)
                .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, r.SeriesUid)
                .AddOrUpdate(DicomTags.PatientName, r.PatientName)
                .AddOrUpdate(DicomTags.PatientID, r.PatientId)
                .AddOrUpdate(DicomTags.PatientBirthDate, r.PatientBirthDate)
                .AddOrUpdate(DicomTags.PatientSex, r.PatientSex)
                .AddOrUpdate(DicomTags.StudyDate, r.StudyDate)
                .AddOrUpdate(DicomTags.StudyTime, r.StudyTime)
                .AddOrUpdate(DicomTags.AccessionNumber, r.AccessionNumber)
                .AddOrUpdate(DicomTags.StudyDescription, r.StudyDescription)
                .AddOrUpdate(DicomTags.Modality, r.Modality)
                .AddOrUpdate(DicomTags.SeriesNumber, r.SeriesNumber)
                .AddOrUpdate(DicomTags.InstanceNumber, r.InstanceNumber)
                .AddOrUpdate<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1)
                .AddOrUpdate(DicomTags.PhotometricInterpretation, "MONOCHROME2")
                .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, 8)
                .AddOrUpdate<ushort>(DicomTags.Columns, DicomVR.US, 8)
                .AddOrUpdate<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16)
                .AddOrUpdate<ushort>(DicomTags.BitsStored, DicomVR.US, 12)
                .AddOrUpdate<ushort>(DicomTags.HighBit, DicomVR.US, 11)
                .AddOrUpdate<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0)
                .AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, pixels));
            new DicomFile(ds).Save(Path.Combine(folder, $"{n:D6}.dcm"), DicomTransferSyntax.ExplicitVRLittleEndian);
        }

        return 0;
    }
}
