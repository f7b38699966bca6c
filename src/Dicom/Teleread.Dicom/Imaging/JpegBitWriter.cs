namespace Teleread.Dicom.Imaging;

/// <summary>Entropy-coded segment writer: most significant bit first, 0x00 stuffed after every 0xFF (T.81 F.1.2.3).</summary>
internal sealed class JpegBitWriter(Stream output)
{
    private uint _buffer;
    private int _count;

    public void Write(int bits, int length)
    {
        if (length == 0) return;
        _buffer = (_buffer << length) | ((uint)bits & ((1u << length) - 1));
        _count += length;
        while (_count >= 8)
        {
            byte b = (byte)(_buffer >> (_count - 8));
            output.WriteByte(b);
            if (b == 0xFF) output.WriteByte(0);
            _count -= 8;
        }
    }

    /// <summary>Pads the last byte with 1-bits (T.81 F.1.2.3).</summary>
    public void Flush()
    {
        if (_count > 0) Write(0x7F, 8 - _count);
    }
}
