namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The graphic set a code element is designated to. DICOM invokes G0 into GL (bytes 0x20..0x7F) and G1 into GR
/// (bytes 0xA0..0xFF) permanently, so designation alone selects the set (PS3.5 6.1.2.5.1); G2/G3 are not used.
/// </summary>
internal enum CodeElementSlot
{
    G0,
    G1,
}
