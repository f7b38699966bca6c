using System.Diagnostics;
using System.Text.Json;
using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>Repository paths, a bounded process runner and the pydicom byte mover used by the imaging tests.</summary>
internal static class ImagingTestTools
{
    public const string Python = "/usr/bin/python3";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Sample(string relative) => Path.Combine(RepoRoot, "testdata", "samples", relative);

    private static string Helper => Path.Combine(RepoRoot, "tests", "Teleread.Dicom.Tests", "Imaging", "Tools", "dicom_pixels.py");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Teleread.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string CreateTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "teleread-imaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs a tool and returns its standard output; a missing tool or a non-zero exit fails the test.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + tool);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Required tool '{tool}' is not installed (DCMTK: apt-get install dcmtk; pydicom/PIL: python3-pydicom python3-pil).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within 60 s");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }

    public static string RunHelper(params string[] arguments) => Run(Python, [Helper, .. arguments]);

    public static DicomPixelDescription Describe(string file) => ParseDescription(RunHelper("describe", file));

    /// <summary>The native pixel bytes of an uncompressed file and its description.</summary>
    public static (DicomPixelDescription Description, byte[] PixelData) ReadNative(string file)
    {
        string output = Path.Combine(CreateTempDirectory(), "pixels.bin");
        var description = ParseDescription(RunHelper("native", file, output));
        var bytes = File.ReadAllBytes(output);
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        return (description, bytes);
    }

    /// <summary>The encapsulated frames of a compressed file and its description.</summary>
    public static (DicomPixelDescription Description, byte[][] Frames) ReadFragments(string file)
    {
        string directory = CreateTempDirectory();
        var description = ParseDescription(RunHelper("fragments", file, Path.Combine(directory, "frame")));
        var frames = Enumerable.Range(0, description.NumberOfFrames)
            .Select(i => File.ReadAllBytes(Path.Combine(directory, $"frame.{i}")))
            .ToArray();
        Directory.Delete(directory, recursive: true);
        return (description, frames);
    }

    /// <summary>Decodes an image file with PIL: raw pixels plus PIL's mode ("L", "RGB", "RGBA").</summary>
    public static (string Mode, int Width, int Height, byte[] Pixels) DecodeWithPil(string imageFile)
    {
        string output = imageFile + ".raw";
        using var json = JsonDocument.Parse(RunHelper("image", imageFile, output));
        var root = json.RootElement;
        return (root.GetProperty("mode").GetString()!, root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), File.ReadAllBytes(output));
    }

    private static DicomPixelDescription ParseDescription(string json)
    {
        using var document = JsonDocument.Parse(json);
        var r = document.RootElement;
        return new DicomPixelDescription
        {
            Rows = r.GetProperty("rows").GetInt32(),
            Columns = r.GetProperty("columns").GetInt32(),
            SamplesPerPixel = r.GetProperty("samplesPerPixel").GetInt32(),
            BitsAllocated = r.GetProperty("bitsAllocated").GetInt32(),
            BitsStored = r.GetProperty("bitsStored").GetInt32(),
            HighBit = r.GetProperty("highBit").GetInt32(),
            PixelRepresentation = r.GetProperty("pixelRepresentation").GetInt32(),
            PhotometricInterpretation = DicomImagingAttributes.ParsePhotometricInterpretation(r.GetProperty("photometricInterpretation").GetString()!),
            PlanarConfiguration = r.GetProperty("planarConfiguration").GetInt32(),
            NumberOfFrames = r.GetProperty("numberOfFrames").GetInt32(),
            RescaleSlope = r.GetProperty("rescaleSlope").GetDouble(),
            RescaleIntercept = r.GetProperty("rescaleIntercept").GetDouble(),
            WindowCenters = r.GetProperty("windowCenters").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            WindowWidths = r.GetProperty("windowWidths").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            VoiLutFunction = DicomImagingAttributes.ParseVoiLutFunction(r.GetProperty("voiLutFunction").GetString()),
        };
    }
}
