using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>
/// Asynchronous Operations Window Sub-Item, item-type 53H (PS3.7 D.3.3.3). Zero means unlimited;
/// without the sub-item both numbers default to one (synchronous operation).
/// </summary>
public sealed record AsynchronousOperationsWindowSubItem(ushort MaximumOperationsInvoked, ushort MaximumOperationsPerformed)
{
    public const byte ItemType = 0x53;

    public int Length => 8;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, 4);
        writer.WriteUInt16(MaximumOperationsInvoked);
        writer.WriteUInt16(MaximumOperationsPerformed);
    }

    public static AsynchronousOperationsWindowSubItem Read(ReadOnlySpan<byte> value)
    {
        if (value.Length != 4)
        {
            throw new DicomNetworkProtocolException("Asynchronous Operations Window Sub-Item Item-length",
                $"must be 4; got {value.Length}.");
        }

        var reader = new PduSpanReader(value);
        return new AsynchronousOperationsWindowSubItem(
            reader.ReadUInt16("Asynchronous Operations Window Sub-Item Maximum-number-operations-invoked"),
            reader.ReadUInt16("Asynchronous Operations Window Sub-Item Maximum-number-operations-performed"));
    }
}
