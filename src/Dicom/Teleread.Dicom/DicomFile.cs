using Teleread.Dicom.IO;

namespace Teleread.Dicom;

/// <summary>A PS3.10 file: preamble, File Meta Information (group 0002) and the data set.</summary>
public sealed class DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, byte[]? preamble = null, DicomTag? stoppedAt = null)
{
    public DicomFile(DicomDataset dataset)
        : this(new DicomDataset(), dataset)
    {
    }

    /// <summary>The 128-byte preamble as read; null when the file had none (written as zeros).</summary>
    public byte[]? Preamble { get; set; } = preamble;

    public DicomDataset FileMetaInformation { get; } = fileMetaInformation;

    public DicomDataset Dataset { get; } = dataset;

    /// <summary>The tag reading stopped before (e.g. Pixel Data), or null if the whole file was read.</summary>
    public DicomTag? StoppedAt { get; } = stoppedAt;

    /// <summary>Leniencies applied while reading (out-of-order tags, lengths past the end, trailing padding...).</summary>
    public IReadOnlyList<string> ReadWarnings { get; init; } = [];

    /// <summary>The syntax named by (0002,0010); implicit VR little endian when absent.</summary>
    public DicomTransferSyntax TransferSyntax =>
        FileMetaInformation.GetStringOrDefault(DicomTags.TransferSyntaxUID) is { Length: > 0 } uid
            ? DicomTransferSyntax.Lookup(uid)
            : DicomTransferSyntax.ImplicitVRLittleEndian;

    public static DicomFile Open(string path, DicomReaderOptions? options = null) => DicomReader.ReadFile(path, options);

    public static DicomFile Open(Stream stream, DicomReaderOptions? options = null) => DicomReader.ReadFile(stream, options);

    /// <summary>Writes the file in its own transfer syntax, or transcoded to another uncompressed one.</summary>
    public void Save(string path, DicomTransferSyntax? syntax = null, DicomWriteOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        Save(stream, syntax, options);
    }

    public void Save(Stream stream, DicomTransferSyntax? syntax = null, DicomWriteOptions? options = null) =>
        DicomWriter.WriteFile(stream, this, syntax ?? TransferSyntax, options);
}
