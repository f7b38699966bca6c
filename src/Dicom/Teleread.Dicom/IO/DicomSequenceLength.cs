namespace Teleread.Dicom.IO;

public enum DicomSequenceLength
{
    /// <summary>As read; undefined length for sequences and items built in code.</summary>
    Preserve,

    /// <summary>Every sequence and item with undefined length and delimiters.</summary>
    Undefined,

    /// <summary>Every sequence and item with its computed length.</summary>
    Defined,
}
