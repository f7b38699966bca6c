namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// Walks a sequence of PS3.8 items (item-type, reserved, 16-bit item-length, value) as used by
/// the variable fields of A-ASSOCIATE-RQ/AC, presentation context items and user information.
/// </summary>
public ref struct PduItemReader
{
    private PduSpanReader _reader;
    private readonly string _context;

    public PduItemReader(ReadOnlySpan<byte> items, string context)
    {
        _reader = new PduSpanReader(items);
        _context = context;
        ItemType = 0;
        Value = default;
    }

    public byte ItemType { get; private set; }

    public ReadOnlySpan<byte> Value { get; private set; }

    public bool MoveNext()
    {
        if (_reader.Remaining == 0)
        {
            return false;
        }

        ItemType = _reader.ReadByte($"{_context} Item-type");
        _reader.Skip(1, $"{_context} Reserved");
        var length = _reader.ReadUInt16($"{_context} Item-length");
        Value = _reader.ReadBytes(length, $"{_context} item 0x{ItemType:X2} value (Item-length {length})");
        return true;
    }
}
