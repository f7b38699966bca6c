using System.Text;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>User Identity Negotiation Sub-Item of an A-ASSOCIATE-RQ, item-type 58H (PS3.7 D.3.3.7.1).</summary>
public sealed record UserIdentityRequestSubItem(UserIdentityType IdentityType, bool PositiveResponseRequested, ReadOnlyMemory<byte> PrimaryField, ReadOnlyMemory<byte> SecondaryField)
{
    public const byte ItemType = 0x58;

    public static UserIdentityRequestSubItem ForUsername(string username, string? passcode = null, bool positiveResponseRequested = true)
        => new(passcode is null ? UserIdentityType.Username : UserIdentityType.UsernameAndPasscode, positiveResponseRequested,
            Encoding.UTF8.GetBytes(username), passcode is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(passcode));

    public static UserIdentityRequestSubItem ForToken(UserIdentityType type, ReadOnlyMemory<byte> token, bool positiveResponseRequested = true)
        => new(type, positiveResponseRequested, token, ReadOnlyMemory<byte>.Empty);

    /// <summary>The primary field as UTF-8 text (the username for types 1 and 2, the token for JWT).</summary>
    public string PrimaryFieldText => Encoding.UTF8.GetString(PrimaryField.Span);

    public string SecondaryFieldText => Encoding.UTF8.GetString(SecondaryField.Span);

    public int Length => 4 + 1 + 1 + 2 + PrimaryField.Length + 2 + SecondaryField.Length;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteByte((byte)IdentityType);
        writer.WriteByte(PositiveResponseRequested ? (byte)1 : (byte)0);
        writer.WriteUInt16((ushort)PrimaryField.Length);
        writer.WriteBytes(PrimaryField.Span);
        writer.WriteUInt16((ushort)SecondaryField.Length);
        writer.WriteBytes(SecondaryField.Span);
    }

    public static UserIdentityRequestSubItem Read(ReadOnlySpan<byte> value)
    {
        const string item = "User Identity Sub-Item (RQ)";
        var reader = new PduSpanReader(value);
        var type = reader.ReadByte($"{item} User-Identity-Type");
        if (type is 0 or > (byte)UserIdentityType.JsonWebToken)
        {
            throw new DicomNetworkProtocolException($"{item} User-Identity-Type", $"value {type} is not defined.");
        }

        var positive = reader.ReadByte($"{item} Positive-response-requested") == 1;
        var primary = reader.ReadBytes(reader.ReadUInt16($"{item} Primary-field-length"), $"{item} Primary-field").ToArray();
        var secondary = reader.ReadBytes(reader.ReadUInt16($"{item} Secondary-field-length"), $"{item} Secondary-field").ToArray();
        return new UserIdentityRequestSubItem((UserIdentityType)type, positive, primary, secondary);
    }
}
