namespace Teleread.Dicom.Imaging;

/// <summary>Locates frames in native (uncompressed) Pixel Data (7FE0,0010).</summary>
public static class DicomNativePixelData
{
    /// <summary>Copies the stored bytes of one frame; 1-bit frames are realigned to start at bit 0 of their first byte.</summary>
    public static byte[] ExtractFrame(DicomPixelDescription description, ReadOnlySpan<byte> pixelData, int frameIndex)
    {
        description.Validate();
        CheckFrame(description, pixelData, frameIndex);
        if (description.BitsAllocated != 1)
            return pixelData.Slice(checked(frameIndex * description.BytesPerFrame), description.BytesPerFrame).ToArray();

        var frame = new byte[description.BytesPerFrame];
        long firstBit = (long)frameIndex * description.PixelsPerFrame;
        for (int i = 0; i < description.PixelsPerFrame; i++)
        {
            long bit = firstBit + i;
            if (((pixelData[(int)(bit >> 3)] >> (int)(bit & 7)) & 1) != 0) frame[i >> 3] |= (byte)(1 << (i & 7));
        }
        return frame;
    }

    internal static void CheckFrame(DicomPixelDescription description, ReadOnlySpan<byte> pixelData, int frameIndex)
    {
        if (frameIndex < 0 || frameIndex >= description.NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(frameIndex), frameIndex, $"The image has {description.NumberOfFrames} frame(s).");
        long needed = (description.BitsPerFrame * (frameIndex + 1) + 7) / 8;
        if (pixelData.Length < needed)
            throw new DicomImagingException($"Pixel Data (7FE0,0010) has {pixelData.Length} bytes; frame {frameIndex + 1} of {description.NumberOfFrames} needs {needed}.");
    }
}
