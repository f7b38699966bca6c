using System.Buffers;
using System.Buffers.Binary;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// P-DATA-TF PDU, type 04H (PS3.8 9.3.5). When read by <see cref="PduReader"/> the values point
/// into a pooled buffer that <see cref="Dispose"/> returns; use the values before disposing.
/// </summary>
public sealed class DataTransferPdu : Pdu, IDisposable
{
    private byte[]? _pooledBuffer;

    public DataTransferPdu(IReadOnlyList<PresentationDataValue> values)
    {
        Values = values;
    }

    private DataTransferPdu(IReadOnlyList<PresentationDataValue> values, byte[]? pooledBuffer)
    {
        Values = values;
        _pooledBuffer = pooledBuffer;
    }

    public override PduType Type => PduType.DataTransfer;

    public IReadOnlyList<PresentationDataValue> Values { get; }

    public override int BodyLength
    {
        get
        {
            var length = 0;
            foreach (var value in Values)
            {
                length += value.Length;
            }

            return length;
        }
    }

    public override void WriteBody(Span<byte> destination)
    {
        var offset = 0;
        foreach (var value in Values)
        {
            WriteValueHeader(destination[offset..], value.PresentationContextId, value.MessageControlHeader, value.Data.Length);
            value.Data.Span.CopyTo(destination[(offset + PresentationDataValue.Overhead)..]);
            offset += value.Length;
        }
    }

    /// <summary>Writes a PDV item header (item-length, context ID, message control header) for <paramref name="dataLength"/> bytes of data.</summary>
    public static void WriteValueHeader(Span<byte> destination, byte presentationContextId, byte messageControlHeader, int dataLength)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)(dataLength + 2));
        destination[4] = presentationContextId;
        destination[5] = messageControlHeader;
    }

    public static DataTransferPdu Read(ReadOnlyMemory<byte> body) => Read(body, null);

    internal static DataTransferPdu Read(ReadOnlyMemory<byte> body, byte[]? pooledBuffer)
    {
        var values = new List<PresentationDataValue>(1);
        var span = body.Span;
        var offset = 0;
        while (offset < span.Length)
        {
            var reader = new PduSpanReader(span[offset..]);
            var itemLength = reader.ReadUInt32("P-DATA-TF Presentation-data-value Item Item-length");
            if (itemLength < 2 || itemLength > (uint)reader.Remaining)
            {
                throw new DicomNetworkProtocolException("P-DATA-TF Presentation-data-value Item Item-length",
                    $"value {itemLength} at offset {offset} does not fit the {span.Length - offset - 4} bytes left in the PDU (minimum 2).");
            }

            var contextId = reader.ReadByte("P-DATA-TF Presentation-context-ID");
            var header = reader.ReadByte("P-DATA-TF Message Control Header");
            if ((contextId & 1) == 0)
            {
                throw new DicomNetworkProtocolException("P-DATA-TF Presentation-context-ID", $"value {contextId} is not an odd number.");
            }

            var dataLength = (int)itemLength - 2;
            values.Add(new PresentationDataValue(contextId, (header & 1) != 0, (header & 2) != 0, body.Slice(offset + 6, dataLength)));
            offset += 4 + (int)itemLength;
        }

        if (values.Count == 0)
        {
            throw new DicomNetworkProtocolException("P-DATA-TF Presentation-data-value Item", "the PDU holds no presentation data value.");
        }

        return new DataTransferPdu(values, pooledBuffer);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _pooledBuffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
