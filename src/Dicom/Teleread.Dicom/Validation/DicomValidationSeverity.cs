namespace Teleread.Dicom.Validation;

public enum DicomValidationSeverity
{
    Warning,
    Error,
}
