namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// Where the code extension state returns to the initial sets (PS3.5 6.1.2.5.3): PN at '^', '=' and '\', other
/// multi-valued strings at '\', and every kind at CR, LF, FF and TAB. Delimiters are single bytes in GL only.
/// </summary>
internal static class TextDelimiters
{
    public static bool IsDelimiter(int c, DicomTextKind kind) => c switch
    {
        0x0D or 0x0A or 0x0C or 0x09 => true,
        0x5C => kind != DicomTextKind.Text,
        0x5E or 0x3D => kind == DicomTextKind.PersonName,
        _ => false,
    };
}
