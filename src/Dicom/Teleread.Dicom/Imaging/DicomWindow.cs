namespace Teleread.Dicom.Imaging;

/// <summary>A VOI window: Window Center (0028,1050) and Window Width (0028,1051) in modality units.</summary>
public readonly record struct DicomWindow(double Center, double Width);
