namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ PDU, type 03H (PS3.8 9.3.4).</summary>
public sealed class AssociateRejectPdu(AssociateRejectResult result, AssociateRejectSource source, AssociateRejectReason reason) : Pdu
{
    public override PduType Type => PduType.AssociateReject;

    public AssociateRejectResult Result { get; } = result;

    public AssociateRejectSource Source { get; } = source;

    public AssociateRejectReason Reason { get; } = reason;

    public override int BodyLength => 4;

    public override void WriteBody(Span<byte> destination)
    {
        destination[0] = 0;
        destination[1] = (byte)Result;
        destination[2] = (byte)Source;
        destination[3] = (byte)Reason;
    }

    public static AssociateRejectPdu Read(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4)
        {
            throw new DicomNetworkProtocolException("A-ASSOCIATE-RJ PDU-length", $"must be 4; got {body.Length}.");
        }

        if (body[1] is < 1 or > 2)
        {
            throw new DicomNetworkProtocolException("A-ASSOCIATE-RJ Result", $"value {body[1]} is not defined.");
        }

        if (body[2] is < 1 or > 3)
        {
            throw new DicomNetworkProtocolException("A-ASSOCIATE-RJ Source", $"value {body[2]} is not defined.");
        }

        return new AssociateRejectPdu((AssociateRejectResult)body[1], (AssociateRejectSource)body[2], (AssociateRejectReason)body[3]);
    }
}
