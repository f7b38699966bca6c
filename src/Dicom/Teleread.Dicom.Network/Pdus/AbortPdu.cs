namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-ABORT PDU, type 07H (PS3.8 9.3.8).</summary>
public sealed class AbortPdu(AbortSource source, AbortReason reason) : Pdu
{
    public override PduType Type => PduType.Abort;

    public AbortSource Source { get; } = source;

    public AbortReason Reason { get; } = reason;

    public override int BodyLength => 4;

    public override void WriteBody(Span<byte> destination)
    {
        destination[0] = 0;
        destination[1] = 0;
        destination[2] = (byte)Source;
        destination[3] = (byte)Reason;
    }

    public static AbortPdu Read(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4)
        {
            throw new DicomNetworkProtocolException("A-ABORT PDU-length", $"must be 4; got {body.Length}.");
        }

        if (body[2] > 2)
        {
            throw new DicomNetworkProtocolException("A-ABORT Source", $"value {body[2]} is not defined.");
        }

        return new AbortPdu((AbortSource)body[2], (AbortReason)body[3]);
    }
}
