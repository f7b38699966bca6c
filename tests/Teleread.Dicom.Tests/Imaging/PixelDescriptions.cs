using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

internal static class PixelDescriptions
{
    public static DicomPixelDescription Gray(int rows, int columns, int bitsAllocated, int bitsStored = 0, bool signed = false, int frames = 1) => new()
    {
        Rows = rows,
        Columns = columns,
        BitsAllocated = bitsAllocated,
        BitsStored = bitsStored == 0 ? bitsAllocated : bitsStored,
        HighBit = (bitsStored == 0 ? bitsAllocated : bitsStored) - 1,
        PixelRepresentation = signed ? 1 : 0,
        NumberOfFrames = frames,
    };

    public static DicomPixelDescription Color(int rows, int columns, DicomPhotometricInterpretation photometric = DicomPhotometricInterpretation.Rgb, int planar = 0, int bitsAllocated = 8) => new()
    {
        Rows = rows,
        Columns = columns,
        SamplesPerPixel = 3,
        BitsAllocated = bitsAllocated,
        BitsStored = bitsAllocated,
        HighBit = bitsAllocated - 1,
        PhotometricInterpretation = photometric,
        PlanarConfiguration = planar,
    };
}
