using System.Text;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>
/// User Information Item, item-type 50H (PS3.8 9.3.2.3, PS3.7 Annex D.3.3). The three one-value
/// sub-items (Maximum Length 51H, Implementation Class UID 52H, Implementation Version Name 55H)
/// are plain properties; structured sub-items have their own types. Unknown sub-items are ignored.
/// </summary>
public sealed record UserInformationItem
{
    public const byte ItemType = 0x50;
    public const byte MaximumLengthSubItemType = 0x51;
    public const byte ImplementationClassUidSubItemType = 0x52;
    public const byte ImplementationVersionNameSubItemType = 0x55;

    /// <summary>Maximum-length-received: the largest P-DATA-TF variable field the sender accepts; 0 means no limit.</summary>
    public uint? MaximumLength { get; init; }

    public string? ImplementationClassUid { get; init; }

    public string? ImplementationVersionName { get; init; }

    public AsynchronousOperationsWindowSubItem? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<RoleSelectionSubItem> RoleSelections { get; init; } = [];

    public IReadOnlyList<SopClassExtendedNegotiationSubItem> SopClassExtendedNegotiations { get; init; } = [];

    public IReadOnlyList<SopClassCommonExtendedNegotiationSubItem> SopClassCommonExtendedNegotiations { get; init; } = [];

    public UserIdentityRequestSubItem? UserIdentityRequest { get; init; }

    public UserIdentityAcceptSubItem? UserIdentityAccept { get; init; }

    public int Length => 4 + ValueLength;

    private int ValueLength
    {
        get
        {
            var length = 0;
            if (MaximumLength is not null)
            {
                length += 8;
            }

            if (ImplementationClassUid is not null)
            {
                length += 4 + ImplementationClassUid.Length;
            }

            length += AsynchronousOperationsWindow?.Length ?? 0;
            length += RoleSelections.Sum(r => r.Length);
            if (ImplementationVersionName is not null)
            {
                length += 4 + ImplementationVersionName.Length;
            }

            length += SopClassExtendedNegotiations.Sum(s => s.Length);
            length += SopClassCommonExtendedNegotiations.Sum(s => s.Length);
            length += UserIdentityRequest?.Length ?? 0;
            length += UserIdentityAccept?.Length ?? 0;
            return length;
        }
    }

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, ValueLength);
        if (MaximumLength is { } maximumLength)
        {
            writer.WriteItemHeader(MaximumLengthSubItemType, 4);
            writer.WriteUInt32(maximumLength);
        }

        if (ImplementationClassUid is not null)
        {
            writer.WriteItemHeader(ImplementationClassUidSubItemType, ImplementationClassUid.Length);
            writer.WriteAscii(ImplementationClassUid);
        }

        AsynchronousOperationsWindow?.Write(ref writer);
        foreach (var role in RoleSelections)
        {
            role.Write(ref writer);
        }

        if (ImplementationVersionName is not null)
        {
            writer.WriteItemHeader(ImplementationVersionNameSubItemType, ImplementationVersionName.Length);
            writer.WriteAscii(ImplementationVersionName);
        }

        foreach (var extended in SopClassExtendedNegotiations)
        {
            extended.Write(ref writer);
        }

        foreach (var common in SopClassCommonExtendedNegotiations)
        {
            common.Write(ref writer);
        }

        UserIdentityRequest?.Write(ref writer);
        UserIdentityAccept?.Write(ref writer);
    }

    public static UserInformationItem Read(ReadOnlySpan<byte> value)
    {
        uint? maximumLength = null;
        string? classUid = null;
        string? versionName = null;
        AsynchronousOperationsWindowSubItem? window = null;
        List<RoleSelectionSubItem>? roles = null;
        List<SopClassExtendedNegotiationSubItem>? extended = null;
        List<SopClassCommonExtendedNegotiationSubItem>? common = null;
        UserIdentityRequestSubItem? identityRequest = null;
        UserIdentityAcceptSubItem? identityAccept = null;

        var items = new PduItemReader(value, "User Information Item sub-item");
        while (items.MoveNext())
        {
            switch (items.ItemType)
            {
                case MaximumLengthSubItemType:
                    if (items.Value.Length != 4)
                    {
                        throw new DicomNetworkProtocolException("Maximum Length Sub-Item Item-length", $"must be 4; got {items.Value.Length}.");
                    }

                    maximumLength = new PduSpanReader(items.Value).ReadUInt32("Maximum Length Sub-Item Maximum-length-received");
                    break;
                case ImplementationClassUidSubItemType:
                    classUid = PduSpanReader.DecodeUid(items.Value, "Implementation Class UID Sub-Item Implementation-class-uid");
                    break;
                case ImplementationVersionNameSubItemType:
                    versionName = DecodeVersionName(items.Value);
                    break;
                case AsynchronousOperationsWindowSubItem.ItemType:
                    window = AsynchronousOperationsWindowSubItem.Read(items.Value);
                    break;
                case RoleSelectionSubItem.ItemType:
                    (roles ??= []).Add(RoleSelectionSubItem.Read(items.Value));
                    break;
                case SopClassExtendedNegotiationSubItem.ItemType:
                    (extended ??= []).Add(SopClassExtendedNegotiationSubItem.Read(items.Value));
                    break;
                case SopClassCommonExtendedNegotiationSubItem.ItemType:
                    (common ??= []).Add(SopClassCommonExtendedNegotiationSubItem.Read(items.Value));
                    break;
                case UserIdentityRequestSubItem.ItemType:
                    identityRequest = UserIdentityRequestSubItem.Read(items.Value);
                    break;
                case UserIdentityAcceptSubItem.ItemType:
                    identityAccept = UserIdentityAcceptSubItem.Read(items.Value);
                    break;
                default:
                    // PS3.7 D.3.3: sub-items a receiver does not know are ignored.
                    break;
            }
        }

        return new UserInformationItem
        {
            MaximumLength = maximumLength,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsynchronousOperationsWindow = window,
            RoleSelections = roles ?? (IReadOnlyList<RoleSelectionSubItem>)[],
            SopClassExtendedNegotiations = extended ?? (IReadOnlyList<SopClassExtendedNegotiationSubItem>)[],
            SopClassCommonExtendedNegotiations = common ?? (IReadOnlyList<SopClassCommonExtendedNegotiationSubItem>)[],
            UserIdentityRequest = identityRequest,
            UserIdentityAccept = identityAccept,
        };
    }

    private static string DecodeVersionName(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b != 0 && (b < 0x20 || b > 0x7E))
            {
                throw new DicomNetworkProtocolException("Implementation Version Name Sub-Item Implementation-version-name",
                    $"contains the non-printable byte 0x{b:X2}.");
            }
        }

        return Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
    }
}
