namespace Teleread.Dicom.Json;

/// <summary>
/// A "BulkDataURI" (or XML BulkData uri=) met while reading: the element stands in <see cref="Owner"/> with an empty value
/// (or, for a file:// URI made by <see cref="DicomFileBulkDataUri"/>, as a reference to that file range) until the
/// caller fetches the bytes and calls <see cref="Resolve"/>.
/// </summary>
public sealed record DicomJsonBulkDataUri(DicomDataset Owner, DicomTag Tag, DicomVR VR, string Uri)
{
    /// <summary>Puts the fetched value in place of the stand-in.</summary>
    public void Resolve(ReadOnlyMemory<byte> value) => Owner.AddOrUpdate(new DicomElement(Tag, VR, value));
}
