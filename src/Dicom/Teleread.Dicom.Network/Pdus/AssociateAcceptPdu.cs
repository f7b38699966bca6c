using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-AC PDU, type 02H (PS3.8 9.3.3). The AE titles are reserved fields that echo the
/// request; they are sent but not tested.
/// </summary>
public sealed class AssociateAcceptPdu : Pdu
{
    private const string Name = "A-ASSOCIATE-AC";

    public override PduType Type => PduType.AssociateAccept;

    public ushort ProtocolVersion { get; init; } = 1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextAcceptItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    public override int BodyLength => Body.Length;

    public override void WriteBody(Span<byte> destination) => Body.Write(destination);

    public static AssociateAcceptPdu Read(ReadOnlySpan<byte> value)
    {
        var body = AssociateBody<PresentationContextAcceptItem>.Read(value, Name, "Reserved ({0}-AE-title)");
        return new AssociateAcceptPdu
        {
            ProtocolVersion = body.ProtocolVersion,
            CalledAeTitle = body.CalledAeTitle,
            CallingAeTitle = body.CallingAeTitle,
            ApplicationContextName = body.ApplicationContextName,
            PresentationContexts = body.PresentationContexts,
            UserInformation = body.UserInformation,
        };
    }

    private AssociateBody<PresentationContextAcceptItem> Body => new(ProtocolVersion, CalledAeTitle, CallingAeTitle, ApplicationContextName, PresentationContexts, UserInformation);
}
