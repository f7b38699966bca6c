namespace Teleread.Dicom.CharacterSets;

/// <summary>The four groups of Defined Terms of Specific Character Set (PS3.3 Tables C.12-2..C.12-5).</summary>
internal enum DefinedTermKind
{
    SingleByteWithoutExtensions,
    SingleByteWithExtensions,
    MultiByteWithExtensions,
    MultiByteWithoutExtensions,
}
