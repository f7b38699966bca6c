namespace Teleread.Dicom;

/// <summary>
/// A value left where it lies instead of being loaded: a byte range of a file (opened on demand) or of a seekable stream
/// the caller keeps open. <see cref="SwapUnit"/> &gt; 1 means the bytes are stored big endian and are swapped in units of
/// that size when loaded, so every in-memory value is little endian.
/// </summary>
public sealed class DicomBulkDataReference
{
    private readonly Stream? _stream;

    public DicomBulkDataReference(string filePath, long offset, long length, int swapUnit = 1)
    {
        FilePath = filePath;
        Offset = offset;
        Length = length;
        SwapUnit = swapUnit;
    }

    public DicomBulkDataReference(Stream stream, long offset, long length, int swapUnit = 1)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("A bulk data reference needs a seekable stream.", nameof(stream));
        }

        _stream = stream;
        Offset = offset;
        Length = length;
        SwapUnit = swapUnit;
    }

    public string? FilePath { get; }

    /// <summary>Absolute position of the first value byte in the file or stream.</summary>
    public long Offset { get; }

    public long Length { get; }

    public int SwapUnit { get; }

    /// <summary>Opens the range as a read-only stream (raw bytes, in the source's byte order). Dispose it after use.</summary>
    public Stream Open()
    {
        if (FilePath is not null)
        {
            var fs = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return new DicomSubStream(fs, Offset, Length, ownsInner: true);
        }

        return new DicomSubStream(_stream!, Offset, Length, ownsInner: false);
    }

    /// <summary>Loads the whole value into memory, little endian.</summary>
    public byte[] Load()
    {
        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"A value of {Length} bytes cannot be loaded into one array; stream it with Open().");
        }

        var bytes = new byte[Length];
        using (var s = Open())
        {
            s.ReadExactly(bytes);
        }

        DicomByteSwap.Swap(bytes, SwapUnit);
        return bytes;
    }

    public override string ToString() => $"{FilePath ?? "stream"}@{Offset}+{Length}";
}
