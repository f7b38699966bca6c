namespace Teleread.Dicom.IO;

public sealed class DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>How sequences and items are delimited. Default: as they were read (undefined length for ones built in code).</summary>
    public DicomSequenceLength SequenceLength { get; init; } = DicomSequenceLength.Preserve;

    /// <summary>Deflate level for the deflated transfer syntax.</summary>
    public System.IO.Compression.CompressionLevel DeflateLevel { get; init; } = System.IO.Compression.CompressionLevel.Optimal;
}
