using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// The layout A-ASSOCIATE-RQ and -AC share (PS3.8 9.3.2, 9.3.3): protocol version, reserved, called and calling AE titles
/// (reserved echoes in the AC), 32 reserved bytes, then the Application Context, Presentation Context and User Information
/// items. The two PDUs differ only in their presentation context item and in what they require of it.
/// </summary>
internal readonly record struct AssociateBody<TContext>(
    ushort ProtocolVersion, string CalledAeTitle, string CallingAeTitle, string ApplicationContextName,
    IReadOnlyList<TContext> PresentationContexts, UserInformationItem UserInformation)
    where TContext : IPresentationContextItem<TContext>
{
    private const int FixedFieldsLength = 2 + 2 + 16 + 16 + 32;

    public int Length => FixedFieldsLength + 4 + ApplicationContextName.Length + PresentationContexts.Sum(p => p.Length) + UserInformation.Length;

    public void Write(Span<byte> destination)
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

    /// <param name="pdu">The PDU's name in errors ("A-ASSOCIATE-RQ").</param>
    /// <param name="aeTitleField">How the AE title fields are named in errors: "{0}-AE-title", or "Reserved ({0}-AE-title)" in an AC.</param>
    public static AssociateBody<TContext> Read(ReadOnlySpan<byte> body, string pdu, string aeTitleField)
    {
        var reader = new PduSpanReader(body);
        var version = reader.ReadUInt16($"{pdu} Protocol-version");
        reader.Skip(2, $"{pdu} Reserved");
        var called = reader.ReadAeTitle($"{pdu} {string.Format(System.Globalization.CultureInfo.InvariantCulture, aeTitleField, "Called")}");
        var calling = reader.ReadAeTitle($"{pdu} {string.Format(System.Globalization.CultureInfo.InvariantCulture, aeTitleField, "Calling")}");
        reader.Skip(32, $"{pdu} Reserved");

        string? applicationContext = null;
        var contexts = new List<TContext>();
        UserInformationItem? userInformation = null;
        var items = new PduItemReader(reader.ReadRest(), $"{pdu} Variable items");
        while (items.MoveNext())
        {
            if (items.ItemType == ApplicationContextItem.ItemType)
            {
                applicationContext = ApplicationContextItem.Read(items.Value).ApplicationContextName;
            }
            else if (items.ItemType == TContext.Type)
            {
                contexts.Add(TContext.Read(items.Value));
            }
            else if (items.ItemType == UserInformationItem.ItemType)
            {
                userInformation = UserInformationItem.Read(items.Value);
            }
            else
            {
                throw new DicomNetworkProtocolException($"{pdu} Item-type",
                    $"item type 0x{items.ItemType:X2} is not allowed in an {pdu}.", AbortReason.UnrecognizedPduParameter);
            }
        }

        return applicationContext is null
            ? throw new DicomNetworkProtocolException($"{pdu} Application Context Item", "the item is missing.")
            : new AssociateBody<TContext>(version, called, calling, applicationContext, contexts, userInformation ?? new UserInformationItem());
    }
}
