namespace Teleread.Dicom.Network.Pdus;

/// <summary>Rules for application entity titles (PS3.5 AE value representation).</summary>
public static class AeTitle
{
    public static string Validate(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim(' ');
        if (trimmed.Length is 0 or > 16)
        {
            throw new ArgumentException($"{field} must have 1 to 16 significant characters; got '{value}'.", field);
        }

        foreach (var c in trimmed)
        {
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                throw new ArgumentException($"{field} '{value}' contains a character not allowed in an AE title.", field);
            }
        }

        return trimmed;
    }
}
