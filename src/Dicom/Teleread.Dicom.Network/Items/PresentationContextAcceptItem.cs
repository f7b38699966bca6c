using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>
/// Presentation Context Item of an A-ASSOCIATE-AC, item-type 21H (PS3.8 9.3.3.2). The transfer
/// syntax is significant only when the result is acceptance; a rejected context may carry none.
/// </summary>
public sealed record PresentationContextAcceptItem(byte PresentationContextId, PresentationContextResult Result, string? TransferSyntax) : IPresentationContextItem<PresentationContextAcceptItem>
{
    static byte IPresentationContextItem<PresentationContextAcceptItem>.Type => ItemType;

    public const byte ItemType = 0x21;

    public int Length => 4 + 4 + (TransferSyntax is null ? 0 : TransferSyntaxSubItem.Length(TransferSyntax));

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteByte(PresentationContextId);
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte(0);
        if (TransferSyntax is not null)
        {
            TransferSyntaxSubItem.Write(ref writer, TransferSyntax);
        }
    }

    public static PresentationContextAcceptItem Read(ReadOnlySpan<byte> value)
    {
        var reader = new PduSpanReader(value);
        var id = reader.ReadByte("Presentation Context Item (AC) Presentation-context-ID");
        reader.Skip(1, "Presentation Context Item (AC) Reserved");
        var result = reader.ReadByte("Presentation Context Item (AC) Result/Reason");
        reader.Skip(1, "Presentation Context Item (AC) Reserved");
        if (result > (byte)PresentationContextResult.TransferSyntaxesNotSupported)
        {
            throw new DicomNetworkProtocolException("Presentation Context Item (AC) Result/Reason",
                $"value {result} for presentation context {id} is not defined.");
        }

        string? transferSyntax = null;
        var items = new PduItemReader(reader.ReadRest(), "Presentation Context Item (AC) sub-item");
        while (items.MoveNext())
        {
            if (items.ItemType != TransferSyntaxSubItem.ItemType || transferSyntax is not null)
            {
                throw new DicomNetworkProtocolException("Presentation Context Item (AC) Transfer Syntax Sub-Item",
                    $"presentation context {id} has an unexpected sub-item 0x{items.ItemType:X2}.", AbortReason.UnexpectedPduParameter);
            }

            transferSyntax = TransferSyntaxSubItem.Read(items.Value);
        }

        if (result == (byte)PresentationContextResult.Acceptance && transferSyntax is null)
        {
            throw new DicomNetworkProtocolException("Presentation Context Item (AC) Transfer Syntax Sub-Item",
                $"accepted presentation context {id} names no transfer syntax.");
        }

        return new PresentationContextAcceptItem(id, (PresentationContextResult)result, transferSyntax);
    }
}
