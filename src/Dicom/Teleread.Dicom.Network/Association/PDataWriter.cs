using System.Buffers;
using System.Buffers.Binary;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// Fragments one DIMSE message into P-DATA-TF PDUs of one PDV each, never longer than the peer's
/// Maximum Length (PS3.8 9.3.5, Annex E). A data set is streamed through two pooled PDU buffers
/// (one read ahead to know which fragment is the last), so its size never matters.
/// </summary>
internal sealed class PDataWriter(Stream transport, int maximumPduLength)
{
    private const int DataOffset = Pdu.HeaderLength + PresentationDataValue.Overhead;

    public int MaximumPduLength { get; } = maximumPduLength;

    public async ValueTask WriteMessageAsync(byte presentationContextId, ReadOnlyMemory<byte> command, Stream? dataSet, CancellationToken cancellationToken)
    {
        var maximumData = MaximumPduLength - PresentationDataValue.Overhead;
        var current = ArrayPool<byte>.Shared.Rent(DataOffset + maximumData);
        byte[]? next = null;
        try
        {
            do
            {
                var length = Math.Min(maximumData, command.Length);
                command[..length].CopyTo(current.AsMemory(DataOffset));
                command = command[length..];
                await WritePduAsync(current, presentationContextId, isCommand: true, isLast: command.IsEmpty, length, cancellationToken).ConfigureAwait(false);
            }
            while (!command.IsEmpty);

            if (dataSet is null)
            {
                return;
            }

            next = ArrayPool<byte>.Shared.Rent(DataOffset + maximumData);
            var filled = await dataSet.ReadAtLeastAsync(current.AsMemory(DataOffset, maximumData), maximumData, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var nextFilled = filled < maximumData
                    ? 0
                    : await dataSet.ReadAtLeastAsync(next.AsMemory(DataOffset, maximumData), maximumData, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                await WritePduAsync(current, presentationContextId, isCommand: false, isLast: nextFilled == 0, filled, cancellationToken).ConfigureAwait(false);
                if (nextFilled == 0)
                {
                    break;
                }

                (current, next) = (next, current);
                filled = nextFilled;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            if (next is not null)
            {
                ArrayPool<byte>.Shared.Return(next);
            }
        }
    }

    private ValueTask WritePduAsync(byte[] buffer, byte presentationContextId, bool isCommand, bool isLast, int dataLength, CancellationToken cancellationToken)
    {
        buffer[0] = (byte)PduType.DataTransfer;
        buffer[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(2), (uint)(PresentationDataValue.Overhead + dataLength));
        DataTransferPdu.WriteValueHeader(buffer.AsSpan(Pdu.HeaderLength), presentationContextId,
            (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0)), dataLength);
        return transport.WriteAsync(buffer.AsMemory(0, DataOffset + dataLength), cancellationToken);
    }
}
