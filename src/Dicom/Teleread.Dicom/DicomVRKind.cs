namespace Teleread.Dicom;

public enum DicomVRKind
{
    /// <summary>Character string values (AE, CS, PN, UI, LO, ...).</summary>
    Text,

    /// <summary>DS and IS: numbers written as text.</summary>
    NumericString,

    /// <summary>Binary numbers and byte/word streams (US, FL, OB, OW, UN, AT, ...).</summary>
    Binary,

    /// <summary>SQ.</summary>
    Sequence,
}
