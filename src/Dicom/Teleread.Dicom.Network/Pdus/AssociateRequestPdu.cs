using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ PDU, type 01H (PS3.8 9.3.2).</summary>
public sealed class AssociateRequestPdu : Pdu
{
    private const string Name = "A-ASSOCIATE-RQ";

    public override PduType Type => PduType.AssociateRequest;

    /// <summary>Protocol-version: a bit field whose bit 0 is version 1, the only one defined.</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextRequestItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    public override int BodyLength => Body.Length;

    public override void WriteBody(Span<byte> destination) => Body.Write(destination);

    public static AssociateRequestPdu Read(ReadOnlySpan<byte> value)
    {
        var body = AssociateBody<PresentationContextRequestItem>.Read(value, Name, "{0}-AE-title");
        if (body.PresentationContexts.Count == 0)
        {
            throw new DicomNetworkProtocolException($"{Name} Presentation Context Item", "no presentation context is proposed.");
        }

        return new AssociateRequestPdu
        {
            ProtocolVersion = body.ProtocolVersion,
            CalledAeTitle = body.CalledAeTitle,
            CallingAeTitle = body.CallingAeTitle,
            ApplicationContextName = body.ApplicationContextName,
            PresentationContexts = body.PresentationContexts,
            UserInformation = body.UserInformation,
        };
    }

    private AssociateBody<PresentationContextRequestItem> Body => new(ProtocolVersion, CalledAeTitle, CallingAeTitle, ApplicationContextName, PresentationContexts, UserInformation);
}
