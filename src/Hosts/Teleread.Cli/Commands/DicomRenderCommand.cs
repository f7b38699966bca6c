using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.IO;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom render IN OUT.png`: one frame to a PNG, windowed and optionally scaled.</summary>
public sealed class DicomRenderCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "render"];

    public string Summary => "Render one frame of a DICOM image to PNG";

    public string Usage => """
        usage: teleread dicom render IN OUT.png [--frame N] [--window C,W] [--size WxH]
          --frame N      frame to render, counted from 1 (default 1)
          --window C,W   window center and width in modality units (default: the file's first window, else min/max)
          --size WxH     fit the image into W×H pixels, keeping its aspect ratio
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count != 2) throw new CliUsageException("expected IN and OUT.png");
        var (input, output) = (parsed.Positionals[0], parsed.Positionals[1]);
        int frame = parsed.IntOption("frame", 1);
        var options = new DicomRenderOptions();
        if (parsed.Option("window") is { } window) options = options with { Window = ParseWindow(window) };
        if (parsed.Option("size") is { } size)
        {
            var (width, height) = ParseSize(size);
            options = options with { ViewportWidth = width, ViewportHeight = height };
        }
        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"teleread dicom render: {input}: no such file");
            return Task.FromResult(1);
        }

        try
        {
            var file = DicomFile.Open(input, new DicomReaderOptions { BulkDataThreshold = 64 * 1024 });
            var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);
            if (frame < 1 || frame > pixelData.FrameCount)
                throw new CliUsageException($"--frame {frame}: the image has {pixelData.FrameCount} frame(s)");
            var bitmap = pixelData.RenderFrame(frame - 1, options);
            using var stream = new FileStream(output, FileMode.Create, FileAccess.Write);
            PngEncoder.Encode(bitmap, stream);
            return Task.FromResult(0);
        }
        catch (Exception e) when (e is DicomReadException or DicomDataException or DicomImagingException)
        {
            Console.Error.WriteLine($"teleread dicom render: {input}: {e.Message}");
            return Task.FromResult(1);
        }
    }

    private static DicomWindow ParseWindow(string value)
    {
        var parts = value.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
            && width >= 1)
            return new DicomWindow(center, width);
        throw new CliUsageException($"--window expects CENTER,WIDTH with WIDTH >= 1, got '{value}'");
    }

    private static (int Width, int Height) ParseSize(string value)
    {
        var parts = value.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)
            && w is > 0 and <= 16384 && h is > 0 and <= 16384)
            return (w, h);
        throw new CliUsageException($"--size expects WxH (1..16384 each), got '{value}'");
    }
}
