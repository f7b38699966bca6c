namespace Teleread.Dicom.CharacterSets;

/// <summary>The ISO/IEC 2022 structure of a graphic character set, which decides its designation escape sequence.</summary>
internal enum CodeElementStructure
{
    /// <summary>94 single-byte characters (positions 02/01..07/14).</summary>
    Set94,

    /// <summary>96 single-byte characters (positions 02/00..07/15); designatable to G1 only.</summary>
    Set96,

    /// <summary>94 x 94 two-byte characters.</summary>
    Set94x94,
}
