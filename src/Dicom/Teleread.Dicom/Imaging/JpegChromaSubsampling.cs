namespace Teleread.Dicom.Imaging;

public enum JpegChromaSubsampling
{
    /// <summary>Cb and Cr at full resolution (1×1 sampling for every component).</summary>
    None444,
    /// <summary>Cb and Cr halved in both directions (Y sampled 2×2).</summary>
    Half420,
}
