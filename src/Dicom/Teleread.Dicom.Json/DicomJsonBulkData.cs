namespace Teleread.Dicom.Json;

/// <summary>
/// A binary value the JSON or XML writer is about to write, for the caller to name by a URI.
/// <paramref name="TagPath"/> locates it from the top-level data set: tags as ggggeeee and item indexes (from 0)
/// separated by '/', e.g. "00540016/0/00181074".
/// </summary>
public readonly record struct DicomJsonBulkData(string TagPath, DicomAttribute Attribute, long Length)
{
    /// <summary>The bytes the value would have inline (for encapsulated pixel data: its items, see PS3.18 F.2.7).</summary>
    public ReadOnlyMemory<byte> LoadValue() => DicomJsonValues.BinaryValue(Attribute);
}
