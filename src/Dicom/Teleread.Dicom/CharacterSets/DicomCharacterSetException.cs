namespace Teleread.Dicom.CharacterSets;

public sealed class DicomCharacterSetException(string message) : Exception(message);
