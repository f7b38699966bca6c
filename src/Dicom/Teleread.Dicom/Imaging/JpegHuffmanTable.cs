namespace Teleread.Dicom.Imaging;

/// <summary>Huffman codes derived from a BITS/HUFFVAL specification (T.81 Annex C).</summary>
internal sealed class JpegHuffmanTable
{
    public JpegHuffmanTable(ReadOnlySpan<byte> bits, ReadOnlySpan<byte> values)
    {
        Bits = bits.ToArray();
        Values = values.ToArray();
        int code = 0, k = 0;
        for (int length = 1; length <= 16; length++)
        {
            for (int i = 0; i < bits[length - 1]; i++, k++)
            {
                Codes[values[k]] = (ushort)code;
                Lengths[values[k]] = (byte)length;
                code++;
            }
            code <<= 1;
        }
    }

    public byte[] Bits { get; }
    public byte[] Values { get; }
    public ushort[] Codes { get; } = new ushort[256];
    public byte[] Lengths { get; } = new byte[256];
}
