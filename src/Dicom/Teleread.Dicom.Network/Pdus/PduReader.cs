using System.Buffers;
using System.Buffers.Binary;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// Reads whole PDUs from a stream. The PDU-length is checked against the limits before any body
/// byte is read or buffer rented, so a peer can never make the reader allocate more than the limit.
/// </summary>
public sealed class PduReader
{
    /// <summary>Cap for PDUs other than P-DATA-TF (association negotiation); ample for 128 contexts.</summary>
    public const int DefaultMaximumNegotiationPduLength = 256 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[Pdu.HeaderLength];

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
        var headerRead = await _stream.ReadAtLeastAsync(_header, Pdu.HeaderLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }

        if (headerRead < Pdu.HeaderLength)
        {
            throw new DicomNetworkProtocolException("PDU header", $"the connection closed after {headerRead} of 6 header bytes.");
        }

        var type = _header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
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
            var bodyRead = await _stream.ReadAtLeastAsync(buffer.AsMemory(0, (int)length), (int)length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
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
}
