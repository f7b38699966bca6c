namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP PDU, type 06H (PS3.8 9.3.7): four reserved bytes.</summary>
public sealed class ReleaseResponsePdu : Pdu
{
    public static ReleaseResponsePdu Instance { get; } = new();

    public override PduType Type => PduType.ReleaseResponse;

    public override int BodyLength => 4;

    public override void WriteBody(Span<byte> destination) => destination[..4].Clear();

    public static ReleaseResponsePdu Read(ReadOnlySpan<byte> body)
    {
        if (body.Length != 4)
        {
            throw new DicomNetworkProtocolException("A-RELEASE-RP PDU-length", $"must be 4; got {body.Length}.");
        }

        return Instance;
    }
}
