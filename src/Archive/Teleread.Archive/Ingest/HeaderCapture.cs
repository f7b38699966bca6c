using System.Buffers;
using Teleread.Dicom;
using Teleread.Dicom.IO;

namespace Teleread.Archive.Ingest;

/// <summary>
/// The first bytes of an instance (up to <see cref="Capacity"/>) as they stream into storage, so its header can be read
/// without reading the blob back — and before the blob's commit, which can then run side by side with indexing.
/// </summary>
internal sealed class HeaderCapture : IDisposable
{
    public const int Capacity = 64 * 1024;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
    private int _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, Capacity - _length);
        if (n > 0 && _buffer is not null)
        {
            data[..n].CopyTo(_buffer.AsSpan(_length));
            _length += n;
        }
    }

    /// <summary>
    /// The header (up to Pixel Data) read from the captured bytes, or null when it runs past them (the caller reads it from
    /// the blob). When the whole object of <paramref name="objectLength"/> bytes was captured the answer is final: an
    /// unreadable object throws as <see cref="DicomReader"/> does. The file must be used before this capture is disposed.
    /// </summary>
    public DicomFile? TryReadHeader(long objectLength)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        var whole = objectLength == _length;
        using var bytes = new MemoryStream(_buffer, 0, _length, writable: false);
        try
        {
            var file = DicomReader.ReadFile(bytes, DicomReaderOptions.HeaderOnly);
            return whole || file.StoppedAt == DicomTags.PixelData ? file : null;
        }
        catch (Exception ex) when (!whole && ex is DicomReadException or DicomDataException or Teleread.Dicom.CharacterSets.DicomCharacterSetException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A copy of the whole object when every one of its <paramref name="objectLength"/> bytes was captured, else null.</summary>
    public byte[]? CopyWhole(long objectLength)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        return objectLength == _length ? _buffer.AsSpan(0, _length).ToArray() : null;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
