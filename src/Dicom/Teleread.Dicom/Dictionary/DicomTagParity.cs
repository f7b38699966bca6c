namespace Teleread.Dicom;

public enum DicomTagParity
{
    Even,
    Odd,
    Any,
}
