namespace Teleread.Dicom.Imaging;

/// <summary>Image Pixel attributes that contradict each other or the standard; <see cref="Problems"/> lists each one.</summary>
public sealed class DicomPixelDescriptionException(IReadOnlyList<string> problems)
    : DicomImagingException("Invalid image pixel description: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
