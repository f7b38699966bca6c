using System.Diagnostics;
using FsCheck.Xunit;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>Mutated sample files (bit flips, truncation, overwritten length fields) either read or throw DicomReadException — nothing else, quickly.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "pydicom/test_files/CT_small.dcm",
        "pydicom/test_files/MR_small_implicit.dcm",
        "pydicom/test_files/reportsi.dcm",
        "pydicom/test_files/rtplan.dcm",
        "pydicom/test_files/liver_1frame.dcm",
        "octave-dicom/simple-test.dcm",
        "pydicom/test_files/dicomdirtests/DICOMDIR",
    ];

    private static readonly byte[][] Files = [.. Seeds.Select(s => File.ReadAllBytes(TestFiles.Sample(s)))];

    private static readonly Stopwatch Budget = Stopwatch.StartNew();

    [Property(MaxTest = 3000)]
    public void Mutated_files_read_or_throw_DicomReadException(int seed)
    {
        var random = new Random(seed);
        var bytes = (byte[])Files[random.Next(Files.Length)].Clone();
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes = bytes[..at];
                    break;
                case 2 when at + 4 <= bytes.Length:
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), random.Next(2) == 0 ? 0xFFFFFFFFu : (uint)random.Next());
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }

            if (bytes.Length == 0)
            {
                break;
            }
        }

        var seekable = random.Next(2) == 0;
        try
        {
            using Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
            DicomReader.ReadFile(stream);
        }
        catch (DicomReadException)
        {
        }

        Assert.True(Budget.Elapsed < TimeSpan.FromSeconds(20), "fuzzing exceeded its 20 s budget");
    }
}
