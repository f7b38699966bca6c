namespace Teleread.Dicom.Json;

/// <summary>How <see cref="DicomJsonWriter"/> writes binary values and lays out its output.</summary>
public sealed class DicomJsonWriterOptions
{
    public static DicomJsonWriterOptions Default { get; } = new();

    /// <summary>
    /// Called for each binary value (OB, OD, OF, OL, OV, OW, UN and encapsulated pixel data) longer than
    /// <see cref="InlineBinaryThreshold"/>; returns the "BulkDataURI" to write, or null to write the value as "InlineBinary".
    /// Without a callback every binary value is written inline.
    /// </summary>
    public Func<DicomJsonBulkData, string?>? BulkDataUri { get; init; }

    /// <summary>Binary values of at most this many bytes are always written as "InlineBinary". Default 1024.</summary>
    public long InlineBinaryThreshold { get; init; } = 1024;

    /// <summary>
    /// Write private UN elements (typically from implicit VR files) with the VR the private dictionary gives their
    /// creator and element, as pydicom and DCMTK do. Default true.
    /// </summary>
    public bool PrivateVRFromDictionary { get; init; } = true;

    /// <summary>Indent the output (two spaces); off by default.</summary>
    public bool Indented { get; init; }
}
