namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ PDU, type 05H (PS3.8 9.3.6): four reserved bytes.</summary>
public sealed class ReleaseRequestPdu : Pdu
{
    public static ReleaseRequestPdu Instance { get; } = new();

    public override PduType Type => PduType.ReleaseRequest;

    public override int BodyLength => 4;

    public override void WriteBody(Span<byte> destination) => destination[..4].Clear();

    public static ReleaseRequestPdu Read(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4)
        {
            throw new DicomNetworkProtocolException("A-RELEASE-RQ PDU-length", $"must be 4; got {body.Length}.");
        }

        return Instance;
    }
}
