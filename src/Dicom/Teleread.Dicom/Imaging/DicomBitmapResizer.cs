using System.Buffers;

namespace Teleread.Dicom.Imaging;

/// <summary>Separable resampling of a <see cref="DicomBitmap"/>: bilinear, or area averaging (box filter with partial coverage).</summary>
public static class DicomBitmapResizer
{
    /// <summary>The largest size with the same aspect ratio that fits the viewport (at least 1×1).</summary>
    public static (int Width, int Height) FitWithin(int width, int height, int maxWidth, int maxHeight)
    {
        if (maxWidth < 1 || maxHeight < 1)
            throw new ArgumentOutOfRangeException(nameof(maxWidth), $"A viewport needs a positive size, not {maxWidth}×{maxHeight}.");
        double scale = Math.Min((double)maxWidth / width, (double)maxHeight / height);
        return (Math.Clamp((int)Math.Round(width * scale), 1, maxWidth), Math.Clamp((int)Math.Round(height * scale), 1, maxHeight));
    }

    public static DicomBitmap Resize(DicomBitmap source, int width, int height, DicomResizeMode mode = DicomResizeMode.Auto)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Cannot resize to {width}×{height}.");
        if (width == source.Width && height == source.Height) return source;
        var horizontal = Weights.For(source.Width, width, mode);
        var vertical = Weights.For(source.Height, height, mode);
        int channels = source.BytesPerPixel;
        var result = new DicomBitmap(width, height, source.Format);

        int intermediateLength = source.Height * width * channels;
        float[] intermediate = ArrayPool<float>.Shared.Rent(intermediateLength);
        try
        {
            var src = source.Pixels.AsSpan();
            for (int y = 0; y < source.Height; y++)
            {
                var row = src.Slice(y * source.Stride, source.Stride);
                var target = intermediate.AsSpan(y * width * channels, width * channels);
                for (int x = 0; x < width; x++)
                {
                    int first = horizontal.First[x], offset = horizontal.Offset[x], taps = horizontal.Count[x];
                    for (int c = 0; c < channels; c++)
                    {
                        float sum = 0;
                        for (int t = 0; t < taps; t++) sum += horizontal.Weight[offset + t] * row[(first + t) * channels + c];
                        target[x * channels + c] = sum;
                    }
                }
            }

            var output = result.Pixels.AsSpan();
            int rowLength = width * channels;
            for (int y = 0; y < height; y++)
            {
                int first = vertical.First[y], offset = vertical.Offset[y], taps = vertical.Count[y];
                var target = output.Slice(y * rowLength, rowLength);
                for (int i = 0; i < rowLength; i++)
                {
                    float sum = 0;
                    for (int t = 0; t < taps; t++) sum += vertical.Weight[offset + t] * intermediate[(first + t) * rowLength + i];
                    target[i] = (byte)Math.Clamp((int)(sum + 0.5f), 0, 255);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(intermediate);
        }
        return result;
    }

    /// <summary>For each destination index: the first source index, and the weights of consecutive source indices.</summary>
    private sealed class Weights
    {
        public required int[] First { get; init; }
        public required int[] Offset { get; init; }
        public required int[] Count { get; init; }
        public required float[] Weight { get; init; }

        public static Weights For(int sourceLength, int destinationLength, DicomResizeMode mode)
        {
            bool area = mode == DicomResizeMode.AreaAverage || (mode == DicomResizeMode.Auto && destinationLength < sourceLength);
            return area ? Area(sourceLength, destinationLength) : Bilinear(sourceLength, destinationLength);
        }

        private static Weights Bilinear(int sourceLength, int destinationLength)
        {
            double scale = (double)sourceLength / destinationLength;
            var first = new int[destinationLength];
            var offset = new int[destinationLength];
            var count = new int[destinationLength];
            var weight = new float[destinationLength * 2];
            for (int i = 0; i < destinationLength; i++)
            {
                double position = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
                int j = Math.Min((int)position, sourceLength - 1);
                double fraction = position - j;
                first[i] = j;
                offset[i] = 2 * i;
                count[i] = j + 1 < sourceLength ? 2 : 1;
                weight[2 * i] = (float)(count[i] == 2 ? 1 - fraction : 1);
                weight[2 * i + 1] = (float)fraction;
            }
            return new Weights { First = first, Offset = offset, Count = count, Weight = weight };
        }

        private static Weights Area(int sourceLength, int destinationLength)
        {
            double scale = (double)sourceLength / destinationLength;
            var first = new int[destinationLength];
            var offset = new int[destinationLength];
            var count = new int[destinationLength];
            var weights = new List<float>(destinationLength * ((int)Math.Ceiling(scale) + 1));
            for (int i = 0; i < destinationLength; i++)
            {
                double start = i * scale, end = Math.Min((i + 1) * scale, sourceLength);
                int j0 = (int)start, j1 = Math.Min((int)Math.Ceiling(end), sourceLength);
                first[i] = j0;
                offset[i] = weights.Count;
                count[i] = j1 - j0;
                for (int j = j0; j < j1; j++)
                {
                    double covered = Math.Min(j + 1, end) - Math.Max(j, start);
                    weights.Add((float)(covered / (end - start)));
                }
            }
            return new Weights { First = first, Offset = offset, Count = count, Weight = weights.ToArray() };
        }
    }
}
