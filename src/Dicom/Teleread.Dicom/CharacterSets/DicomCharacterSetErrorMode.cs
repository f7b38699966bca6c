namespace Teleread.Dicom.CharacterSets;

/// <summary>What a <see cref="DicomCharacterSet"/> does with terms, bytes or characters it cannot handle.</summary>
public enum DicomCharacterSetErrorMode
{
    /// <summary>
    /// Read what the world writes: misspelt terms are recognised, unknown terms ignored (see
    /// <see cref="DicomCharacterSet.Warnings"/>), invalid bytes decode as U+FFFD and unencodable characters as '?'.
    /// <see cref="DicomCharacterSet.TryDecode"/> and <see cref="DicomCharacterSet.TryEncode"/> report when that happened.
    /// </summary>
    Lenient,

    /// <summary>Any of those problems throws <see cref="DicomCharacterSetException"/>.</summary>
    Strict,
}
