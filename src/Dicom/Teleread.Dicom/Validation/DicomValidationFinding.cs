namespace Teleread.Dicom.Validation;

/// <summary>One problem found: where (tag, module or "VR" for value checks, path inside sequences) and what.</summary>
public sealed record DicomValidationFinding(DicomValidationSeverity Severity, DicomTag Tag, string Module, string Message, string Path = "")
{
    public string Keyword => DicomDictionary.Find(Tag)?.Keyword ?? (Tag.IsPrivate ? "Private" : "Unknown");

    public override string ToString() =>
        $"{(Severity == DicomValidationSeverity.Error ? "Error" : "Warning")}: {Path}{Tag} {Keyword} [{Module}] {Message}";
}
