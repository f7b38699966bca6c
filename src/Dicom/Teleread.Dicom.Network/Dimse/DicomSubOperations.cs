namespace Teleread.Dicom.Network;

/// <summary>Sub-operation counts of C-MOVE and C-GET responses (PS3.7 9.1.3/9.1.4).</summary>
public readonly record struct DicomSubOperations(ushort? Remaining, ushort? Completed, ushort? Failed, ushort? Warning)
{
    public static DicomSubOperations None { get; } = new(null, null, null, null);
}
