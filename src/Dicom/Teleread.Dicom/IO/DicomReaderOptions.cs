namespace Teleread.Dicom.IO;

/// <summary>How the reader treats large values, where it stops, and how deep it lets sequences nest.</summary>
public sealed class DicomReaderOptions
{
    public static DicomReaderOptions Default { get; } = new();

    /// <summary>
    /// Values (and pixel data fragments) longer than this are left in the input as <see cref="DicomBulkDataReference"/>
    /// when the input is seekable. Default: never (everything is loaded).
    /// </summary>
    public long BulkDataThreshold { get; init; } = long.MaxValue;

    /// <summary>Called with each top-level tag before its element is read; true stops reading there (e.g. before Pixel Data).</summary>
    public Func<DicomTag, bool>? StopBefore { get; init; }

    /// <summary>Maximum nesting of sequences; deeper input is rejected with a <see cref="DicomReadException"/>.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Stops before (7FE0,0010) Pixel Data, loading values up to 64 KiB.</summary>
    public static DicomReaderOptions HeaderOnly { get; } = new() { StopBefore = t => t == DicomTags.PixelData, BulkDataThreshold = 64 * 1024 };
}
