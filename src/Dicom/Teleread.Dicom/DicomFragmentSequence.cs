using System.Buffers.Binary;

namespace Teleread.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table (first item, possibly empty) then the fragments.
/// The Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002) stay ordinary elements of the data set.
/// </summary>
public sealed class DicomFragmentSequence(DicomTag tag, DicomVR vr) : DicomAttribute(tag, vr)
{
    /// <summary>The raw first item; empty when the table is absent.</summary>
    public ReadOnlyMemory<byte> OffsetTableBytes { get; set; } = ReadOnlyMemory<byte>.Empty;

    public List<DicomFragment> Fragments { get; } = [];

    /// <summary>Basic Offset Table entries (byte offsets of each frame's first fragment from the first fragment).</summary>
    public uint[] BasicOffsetTable
    {
        get
        {
            var span = OffsetTableBytes.Span;
            var table = new uint[span.Length / 4];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]);
            }

            return table;
        }
    }

    public override string ToString() => $"{Tag} {VR} [offset table {OffsetTableBytes.Length} bytes, {Fragments.Count} fragment(s)]";
}
