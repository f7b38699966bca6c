using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ PDU, type 01H (PS3.8 9.3.2).</summary>
public sealed class AssociateRequestPdu : Pdu
{
    internal const int FixedFieldsLength = 2 + 2 + 16 + 16 + 32;

    public override PduType Type => PduType.AssociateRequest;

    /// <summary>Protocol-version: a bit field whose bit 0 is version 1, the only one defined.</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    public required string CalledAeTitle { get; init; }

    public required string CallingAeTitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextRequestItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    public override int BodyLength
        => FixedFieldsLength + 4 + ApplicationContextName.Length + PresentationContexts.Sum(p => p.Length) + UserInformation.Length;

    public override void WriteBody(Span<byte> destination)
    {
        var writer = new PduSpanWriter(destination);
        writer.WriteUInt16(ProtocolVersion);
        writer.WriteZeros(2);
        writer.WriteAeTitle(CalledAeTitle);
        writer.WriteAeTitle(CallingAeTitle);
        writer.WriteZeros(32);
        new ApplicationContextItem(ApplicationContextName).Write(ref writer);
        foreach (var context in PresentationContexts)
        {
            context.Write(ref writer);
        }

        UserInformation.Write(ref writer);
    }

    public static AssociateRequestPdu Read(ReadOnlySpan<byte> body)
    {
        const string pdu = "A-ASSOCIATE-RQ";
        var reader = new PduSpanReader(body);
        var version = reader.ReadUInt16($"{pdu} Protocol-version");
        reader.Skip(2, $"{pdu} Reserved");
        var called = reader.ReadAeTitle($"{pdu} Called-AE-title");
        var calling = reader.ReadAeTitle($"{pdu} Calling-AE-title");
        reader.Skip(32, $"{pdu} Reserved");

        string? applicationContext = null;
        var contexts = new List<PresentationContextRequestItem>();
        UserInformationItem? userInformation = null;
        var items = new PduItemReader(reader.ReadRest(), $"{pdu} Variable items");
        while (items.MoveNext())
        {
            switch (items.ItemType)
            {
                case ApplicationContextItem.ItemType:
                    applicationContext = ApplicationContextItem.Read(items.Value).ApplicationContextName;
                    break;
                case PresentationContextRequestItem.ItemType:
                    contexts.Add(PresentationContextRequestItem.Read(items.Value));
                    break;
                case UserInformationItem.ItemType:
                    userInformation = UserInformationItem.Read(items.Value);
                    break;
                default:
                    throw new DicomNetworkProtocolException($"{pdu} Item-type",
                        $"item type 0x{items.ItemType:X2} is not allowed in an A-ASSOCIATE-RQ.", AbortReason.UnrecognizedPduParameter);
            }
        }

        if (applicationContext is null)
        {
            throw new DicomNetworkProtocolException($"{pdu} Application Context Item", "the item is missing.");
        }

        if (contexts.Count == 0)
        {
            throw new DicomNetworkProtocolException($"{pdu} Presentation Context Item", "no presentation context is proposed.");
        }

        return new AssociateRequestPdu
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = applicationContext,
            PresentationContexts = contexts,
            UserInformation = userInformation ?? new UserInformationItem(),
        };
    }
}
