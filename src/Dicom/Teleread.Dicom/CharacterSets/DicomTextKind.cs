namespace Teleread.Dicom.CharacterSets;

/// <summary>How a value's text is delimited, which decides where ISO 2022 code extensions reset (PS3.5 6.1.2.5.3).</summary>
public enum DicomTextKind
{
    /// <summary>PN: resets at '^' and '=' as well as at '\'.</summary>
    PersonName,

    /// <summary>SH, LO, UC and other multi-valued strings: resets at '\'.</summary>
    MultiValued,

    /// <summary>ST, LT, UT: single value; resets at CR, LF, FF and TAB.</summary>
    Text,
}
