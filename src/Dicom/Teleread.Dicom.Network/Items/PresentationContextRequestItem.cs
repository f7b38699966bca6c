using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>Presentation Context Item of an A-ASSOCIATE-RQ, item-type 20H (PS3.8 9.3.2.2).</summary>
public sealed record PresentationContextRequestItem(byte PresentationContextId, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes) : IPresentationContextItem<PresentationContextRequestItem>
{
    static byte IPresentationContextItem<PresentationContextRequestItem>.Type => ItemType;

    public const byte ItemType = 0x20;

    public int Length
    {
        get
        {
            var length = 4 + 4 + AbstractSyntaxSubItem.Length(AbstractSyntax);
            foreach (var ts in TransferSyntaxes)
            {
                length += TransferSyntaxSubItem.Length(ts);
            }

            return length;
        }
    }

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteByte(PresentationContextId);
        writer.WriteZeros(3);
        AbstractSyntaxSubItem.Write(ref writer, AbstractSyntax);
        foreach (var ts in TransferSyntaxes)
        {
            TransferSyntaxSubItem.Write(ref writer, ts);
        }
    }

    public static PresentationContextRequestItem Read(ReadOnlySpan<byte> value)
    {
        var reader = new PduSpanReader(value);
        var id = reader.ReadByte("Presentation Context Item (RQ) Presentation-context-ID");
        reader.Skip(3, "Presentation Context Item (RQ) Reserved");
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>(4);
        var items = new PduItemReader(reader.ReadRest(), "Presentation Context Item (RQ) sub-item");
        while (items.MoveNext())
        {
            switch (items.ItemType)
            {
                case AbstractSyntaxSubItem.ItemType when abstractSyntax is null:
                    abstractSyntax = AbstractSyntaxSubItem.Read(items.Value);
                    break;
                case AbstractSyntaxSubItem.ItemType:
                    throw new DicomNetworkProtocolException("Presentation Context Item (RQ) Abstract Syntax Sub-Item",
                        $"presentation context {id} has more than one abstract syntax.", AbortReason.UnexpectedPduParameter);
                case TransferSyntaxSubItem.ItemType:
                    transferSyntaxes.Add(TransferSyntaxSubItem.Read(items.Value));
                    break;
                default:
                    throw new DicomNetworkProtocolException("Presentation Context Item (RQ) Item-type",
                        $"unknown sub-item type 0x{items.ItemType:X2} in presentation context {id}.", AbortReason.UnrecognizedPduParameter);
            }
        }

        if (abstractSyntax is null)
        {
            throw new DicomNetworkProtocolException("Presentation Context Item (RQ) Abstract Syntax Sub-Item",
                $"presentation context {id} has no abstract syntax.");
        }

        if (transferSyntaxes.Count == 0)
        {
            throw new DicomNetworkProtocolException("Presentation Context Item (RQ) Transfer Syntax Sub-Item",
                $"presentation context {id} proposes no transfer syntax.");
        }

        return new PresentationContextRequestItem(id, abstractSyntax, transferSyntaxes);
    }
}
