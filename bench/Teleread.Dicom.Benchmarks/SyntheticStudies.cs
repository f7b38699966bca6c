using System.Globalization;
using Teleread.Dicom;

namespace Teleread.Dicom.Benchmarks;

/// <summary>Generates the benchmark inputs once: a 300-slice 512×512 CT series and 2,000 small instances.</summary>
public static class SyntheticStudies
{
    public const int CtSlices = 300;
    public const int SmallInstances = 2000;

    public static string DefaultRoot => Path.Combine(Path.GetTempPath(), "teleread-dicom-bench");

    public static (string[] Ct, string[] Small) Ensure(string root)
    {
        var ct = Generate(Path.Combine(root, "ct"), CtSlices, 512, 512);
        var small = Generate(Path.Combine(root, "small"), SmallInstances, 16, 16);
        return (ct, small);
    }

    private static string[] Generate(string folder, int count, ushort rows, ushort columns)
    {
        Directory.CreateDirectory(folder);
        var paths = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"{i:D5}.dcm")).ToArray();
        if (paths.All(File.Exists))
        {
            return paths;
        }

        var pixels = new byte[rows * columns * 2];
        new Random(1).NextBytes(pixels);
        var study = "2.25.1" + rows.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var ds = new DicomDataset()
                .AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 100")
                .AddOrUpdate(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
                .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage)
                .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, $"{study}.{i + 1}")
                .AddOrUpdate(DicomTags.StudyDate, "20240101")
                .AddOrUpdate(DicomTags.Modality, "CT")
                .AddOrUpdate(DicomTags.Manufacturer, "Teleread Bench")
                .AddOrUpdate(DicomTags.PatientName, "Bench^Patient")
                .AddOrUpdate(DicomTags.PatientID, "BENCH-1")
                .AddOrUpdate(DicomTags.PatientBirthDate, "19700101")
                .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study)
                .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, study + ".1")
                .AddOrUpdate(DicomTags.InstanceNumber, (i + 1).ToString(CultureInfo.InvariantCulture))
                .AddOrUpdate<double>(DicomTags.ImagePositionPatient, DicomVR.DS, 0, 0, i * 1.25)
                .AddOrUpdate<double>(DicomTags.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 1, 0)
                .AddOrUpdate<double>(DicomTags.PixelSpacing, DicomVR.DS, 0.7, 0.7)
                .AddOrUpdate<double>(DicomTags.SliceThickness, DicomVR.DS, 1.25)
                .AddOrUpdate<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1)
                .AddOrUpdate(DicomTags.PhotometricInterpretation, "MONOCHROME2")
                .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, rows)
                .AddOrUpdate<ushort>(DicomTags.Columns, DicomVR.US, columns)
                .AddOrUpdate<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16)
                .AddOrUpdate<ushort>(DicomTags.BitsStored, DicomVR.US, 12)
                .AddOrUpdate<ushort>(DicomTags.HighBit, DicomVR.US, 11)
                .AddOrUpdate<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0)
                .AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, pixels));
            var referenced = new DicomItem()
                .AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, DicomUids.CTImageStorage)
                .AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, $"{study}.{i}");
            ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedImageSequence, (DicomItem)referenced));
            new DicomFile(ds).Save(paths[i], DicomTransferSyntax.ExplicitVRLittleEndian);
        }

        return paths;
    }
}
