namespace Teleread.Dicom.Imaging;

/// <summary>The VOI LUT functions of PS3.3 C.11.2.1.2 with output range 0..255.</summary>
public static class DicomVoiFunction
{
    public static double Apply(DicomVoiLutFunction function, DicomWindow window, double x)
    {
        double c = window.Center, w = window.Width;
        switch (function)
        {
            case DicomVoiLutFunction.Linear:
                // C.11.2.1.2.1; with w = 1 the middle branch is empty and the window is a step at c - 0.5.
                if (x <= c - 0.5 - (w - 1) / 2) return 0;
                if (x > c - 0.5 + (w - 1) / 2) return 255;
                return ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
            case DicomVoiLutFunction.LinearExact:
                // C.11.2.1.3.2
                if (x <= c - w / 2) return 0;
                if (x > c + w / 2) return 255;
                return ((x - c) / w + 0.5) * 255;
            case DicomVoiLutFunction.Sigmoid:
                // C.11.2.1.3.1
                return 255 / (1 + Math.Exp(-4 * (x - c) / w));
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, null);
        }
    }

    public static byte ApplyToByte(DicomVoiLutFunction function, DicomWindow window, double x) =>
        (byte)Math.Clamp(Math.Round(Apply(function, window, x), MidpointRounding.AwayFromZero), 0, 255);
}
