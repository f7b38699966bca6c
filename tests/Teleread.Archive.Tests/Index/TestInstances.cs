using Teleread.Dicom;

namespace Teleread.Archive.Tests.Index;

/// <summary>Small generated CT instances with chosen identifiers.</summary>
public static class TestInstances
{
    public static byte[] Make(string studyUid, string seriesUid, string sopUid, string patientId = "P1", string patientName = "Doe^John",
        string modality = "CT", string studyDate = "20260101", string studyTime = "101500", string accession = "A1", byte pixelSeed = 1, ushort size = 4, int privateBytes = 0)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopUid);
        ds.AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, studyDate);
        ds.AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, studyTime);
        ds.AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, accession);
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, modality);
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, patientName);
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patientId);
        ds.AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, "19700101");
        ds.AddOrUpdate(DicomTags.PatientSex, DicomVR.CS, "M");
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid);
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid);
        ds.AddOrUpdate(DicomTags.StudyID, DicomVR.SH, "1");
        ds.AddOrUpdate(DicomTags.SeriesNumber, DicomVR.IS, "1");
        ds.AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, "1");
        ds.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, (ushort)1);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, size);
        ds.AddOrUpdate(DicomTags.Columns, DicomVR.US, size);
        ds.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, (ushort)16);
        ds.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, (ushort)12);
        ds.AddOrUpdate(DicomTags.HighBit, DicomVR.US, (ushort)11);
        ds.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, (ushort)0);
        ds.AddOrUpdate<ushort>(DicomTags.PixelData, DicomVR.OW, Enumerable.Range(0, size * size).Select(i => (ushort)(i * pixelSeed)).ToArray());
        if (privateBytes > 0)
        {
            // A large private value ahead of Pixel Data: a header that does not fit in the bytes ingest keeps to read it.
            ds.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "TELEREAD TEST");
            ds.AddOrUpdate<byte>(new DicomTag(0x0009, 0x1001), DicomVR.OB, new byte[privateBytes]);
        }
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        meta.AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopUid);
        meta.AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, DicomTransferSyntax.ExplicitVRLittleEndian.Uid);
        using var ms = new MemoryStream();
        new DicomFile(meta, ds).Save(ms, DicomTransferSyntax.ExplicitVRLittleEndian);
        return ms.ToArray();
    }
}
