namespace Teleread.Dicom;

/// <summary>One item of encapsulated pixel data (PS3.5 A.4): bytes in memory or a bulk data reference, kept byte-exact.</summary>
public sealed class DicomFragment
{
    public DicomFragment(ReadOnlyMemory<byte> data) => Data = data;

    public DicomFragment(DicomBulkDataReference bulkData) => BulkData = bulkData;

    public ReadOnlyMemory<byte> Data { get; }

    public DicomBulkDataReference? BulkData { get; }

    public long Length => BulkData?.Length ?? Data.Length;

    public ReadOnlyMemory<byte> Load() => BulkData?.Load() ?? Data;
}
