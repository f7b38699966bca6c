using System.Globalization;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Parses byte listings as the standard prints them: "05/09 06/01" (column/row) or "0x57 0x61".</summary>
internal static class StandardNotation
{
    public static byte[] Bytes(string listing) =>
        listing.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();

    private static byte Parse(string token)
    {
        if (token.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return byte.Parse(token.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        var parts = token.Split('/');
        return (byte)((int.Parse(parts[0], CultureInfo.InvariantCulture) << 4) | int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
