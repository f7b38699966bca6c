using System.IO.Compression;

namespace Teleread.Dicom.IO;

/// <summary>Writes PS3.10 files and bare data sets in any uncompressed transfer syntax or deflated; encapsulated syntaxes pass fragments through.</summary>
public static class DicomWriter
{
    /// <summary>Preamble, "DICM", the meta group (explicit VR little endian, group length computed), then the data set in <paramref name="syntax"/>.</summary>
    public static void WriteFile(Stream stream, DicomFile file, DicomTransferSyntax syntax, DicomWriteOptions? options = null)
    {
        options ??= DicomWriteOptions.Default;
        CheckPixelDataFits(file.Dataset, syntax);
        var meta = BuildMeta(file, syntax);
        using (var sink = new DicomByteSink(stream))
        {
            sink.Write(file.Preamble is { Length: 128 } p ? p : new byte[128]);
            sink.Write("DICM"u8);
            var groupLength = DicomEncodedLength.OfDataset(meta, true, options.SequenceLength);
            var metaWriter = new DicomDatasetWriter(sink, true, false, options.SequenceLength);
            var lengthElement = new DicomDataset().AddOrUpdate(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, (uint)groupLength);
            metaWriter.Write(lengthElement);
            metaWriter.Write(meta);
        }

        WriteDatasetCore(stream, file.Dataset, syntax, options);
    }

    /// <summary>A bare data set (no preamble, no meta group), e.g. for DIMSE or STOW parts.</summary>
    public static void WriteDataset(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax, DicomWriteOptions? options = null)
    {
        options ??= DicomWriteOptions.Default;
        CheckPixelDataFits(dataset, syntax);
        WriteDatasetCore(stream, dataset, syntax, options);
    }

    private static void WriteDatasetCore(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax, DicomWriteOptions options)
    {
        if (syntax.IsDeflated)
        {
            using var deflate = new DeflateStream(stream, options.DeflateLevel, leaveOpen: true);
            using var deflatedSink = new DicomByteSink(deflate);
            new DicomDatasetWriter(deflatedSink, syntax.IsExplicitVR, syntax.IsBigEndian, options.SequenceLength).Write(dataset);
            return;
        }

        using var sink = new DicomByteSink(stream);
        new DicomDatasetWriter(sink, syntax.IsExplicitVR, syntax.IsBigEndian, options.SequenceLength).Write(dataset);
    }

    private static DicomDataset BuildMeta(DicomFile file, DicomTransferSyntax syntax)
    {
        var meta = new DicomDataset();
        foreach (var a in file.FileMetaInformation)
        {
            if (a.Tag != DicomTags.FileMetaInformationGroupLength)
            {
                meta.AddOrUpdate(a);
            }
        }

        if (!meta.Contains(DicomTags.FileMetaInformationVersion))
        {
            meta.AddOrUpdate(new DicomElement(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0x00, 0x01 }));
        }

        CopyIfMissing(meta, DicomTags.MediaStorageSOPClassUID, file.Dataset, DicomTags.SOPClassUID);
        CopyIfMissing(meta, DicomTags.MediaStorageSOPInstanceUID, file.Dataset, DicomTags.SOPInstanceUID);
        if (meta.GetStringOrDefault(DicomTags.TransferSyntaxUID) != syntax.Uid)
        {
            meta.AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid);
        }

        if (!meta.Contains(DicomTags.ImplementationClassUID))
        {
            meta.AddOrUpdate(DicomTags.ImplementationClassUID, DicomVR.UI, DicomImplementation.ClassUid);
            meta.AddOrUpdate(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        }

        return meta;
    }

    private static void CopyIfMissing(DicomDataset meta, DicomTag metaTag, DicomDataset dataset, DicomTag source)
    {
        if (!meta.Contains(metaTag) && dataset.GetStringOrDefault(source) is { Length: > 0 } uid)
        {
            meta.AddOrUpdate(metaTag, DicomVR.UI, uid);
        }
    }

    /// <summary>Changing between native and encapsulated pixel data needs a codec, which this writer does not have.</summary>
    private static void CheckPixelDataFits(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var pixels = dataset.Get(DicomTags.PixelData);
        if (pixels is DicomFragmentSequence && !syntax.IsEncapsulated)
        {
            throw new DicomDataException($"Encapsulated pixel data cannot be written in {syntax.Name} without decompressing it first.");
        }

        if (pixels is DicomElement && syntax.IsEncapsulated)
        {
            throw new DicomDataException($"Native pixel data cannot be written in {syntax.Name} without compressing it first.");
        }
    }
}
