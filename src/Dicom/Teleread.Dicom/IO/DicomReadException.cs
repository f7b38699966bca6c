namespace Teleread.Dicom.IO;

/// <summary>The input is not DICOM as PS3.5/PS3.10 define it (truncated, impossible length, bad VR, nesting too deep...).</summary>
public sealed class DicomReadException : Exception
{
    public DicomReadException(string message, DicomTag? tag, long offset, Exception? inner = null)
        : base(Describe(message, tag, offset), inner)
    {
        Tag = tag;
        Offset = offset;
    }

    /// <summary>The element being read when the problem was found, if any.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Byte offset in the input (of the decompressed data set for deflated syntaxes), -1 if unknown.</summary>
    public long Offset { get; }

    private static string Describe(string message, DicomTag? tag, long offset) =>
        tag is { } t ? $"{message} (element {t}, offset {offset})" : $"{message} (offset {offset})";
}
