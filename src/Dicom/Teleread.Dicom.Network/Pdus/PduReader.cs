using System.Buffers;
using System.Buffers.Binary;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// Reads whole PDUs from a stream. The PDU-length is checked against the limits before a buffer is
/// rented for the body, so a peer can never make the reader allocate more than the limit. Reads go
/// through a fixed 16 KiB read-ahead buffer: one receive fetches a small PDU's header with its body,
/// and often the next PDU too (a C-STORE's command and data set), instead of two receives per PDU.
/// </summary>
public sealed class PduReader
{
    /// <summary>Cap for PDUs other than P-DATA-TF (association negotiation); ample for 128 contexts.</summary>
    public const int DefaultMaximumNegotiationPduLength = 256 * 1024;

    private const int ReadAheadLength = 16 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _readAhead = new byte[ReadAheadLength];
    private int _start;
    private int _end;

    /// <param name="stream">The transport.</param>
    /// <param name="maximumDataTransferPduLength">Largest P-DATA-TF PDU-length accepted: the Maximum Length we announced.</param>
    /// <param name="maximumNegotiationPduLength">Largest PDU-length accepted for every other PDU type.</param>
    public PduReader(Stream stream, int maximumDataTransferPduLength, int maximumNegotiationPduLength = DefaultMaximumNegotiationPduLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumDataTransferPduLength, PresentationDataValue.Overhead + 1);
        _stream = stream;
        MaximumDataTransferPduLength = maximumDataTransferPduLength;
        MaximumNegotiationPduLength = maximumNegotiationPduLength;
    }

    public int MaximumDataTransferPduLength { get; }

    public int MaximumNegotiationPduLength { get; }

    /// <summary>
    /// Reads the next PDU; null when the peer closed the connection cleanly between PDUs.
    /// A <see cref="DataTransferPdu"/> must be disposed by the caller.
    /// </summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var headerRead = await FillAsync(Pdu.HeaderLength, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }

        if (headerRead < Pdu.HeaderLength)
        {
            throw new DicomNetworkProtocolException("PDU header", $"the connection closed after {headerRead} of 6 header bytes.");
        }

        var type = _readAhead[_start];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_readAhead.AsSpan(_start + 2));
        _start += Pdu.HeaderLength;
        if (type is < (byte)PduType.AssociateRequest or > (byte)PduType.Abort)
        {
            throw new DicomNetworkProtocolException("PDU-type", $"unknown PDU type 0x{type:X2}.", AbortReason.UnrecognizedPdu);
        }

        var limit = type == (byte)PduType.DataTransfer ? MaximumDataTransferPduLength : MaximumNegotiationPduLength;
        if (length > (uint)limit)
        {
            throw new DicomNetworkProtocolException("PDU-length",
                $"{(PduType)type} PDU-length {length} exceeds the {limit} bytes this node accepts.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)length));
        var handedOver = false;
        try
        {
            var bodyRead = await ReadBodyAsync(buffer.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
            if (bodyRead < length)
            {
                throw new DicomNetworkProtocolException("PDU-length",
                    $"the connection closed after {bodyRead} of {length} bytes of a {(PduType)type} PDU.");
            }

            var body = buffer.AsMemory(0, (int)length);
            switch ((PduType)type)
            {
                case PduType.DataTransfer:
                    var pdu = DataTransferPdu.Read(body, buffer);
                    handedOver = true;
                    return pdu;
                case PduType.AssociateRequest:
                    return AssociateRequestPdu.Read(body.Span);
                case PduType.AssociateAccept:
                    return AssociateAcceptPdu.Read(body.Span);
                case PduType.AssociateReject:
                    return AssociateRejectPdu.Read(body.Span);
                case PduType.ReleaseRequest:
                    return ReleaseRequestPdu.Read(body.Span);
                case PduType.ReleaseResponse:
                    return ReleaseResponsePdu.Read(body.Span);
                default:
                    return AbortPdu.Read(body.Span);
            }
        }
        finally
        {
            if (!handedOver)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes (at most the read-ahead length) are buffered; fewer only at the end of the stream.</summary>
    private async ValueTask<int> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return count;
        }

        // What is left moves to the front, so one receive may fill the rest of the buffer.
        _readAhead.AsSpan(_start, _end - _start).CopyTo(_readAhead);
        (_start, _end) = (0, _end - _start);

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(_readAhead.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            _end += read;
        }

        return Math.Min(count, _end - _start);
    }

    /// <summary>Fills <paramref name="body"/> from what is buffered, then the stream: a small rest through the read-ahead, a large one directly.</summary>
    private async ValueTask<int> ReadBodyAsync(Memory<byte> body, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < body.Length)
        {
            var rest = body.Length - filled;
            if (_start == _end && rest >= ReadAheadLength)
            {
                return filled + await _stream.ReadAtLeastAsync(body[filled..], rest, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }

            var available = await FillAsync(Math.Min(rest, ReadAheadLength), cancellationToken).ConfigureAwait(false);
            if (available == 0)
            {
                break;
            }

            _readAhead.AsMemory(_start, available).CopyTo(body[filled..]);
            _start += available;
            filled += available;
        }

        return filled;
    }
}
