using System.Diagnostics;
using FsCheck.Xunit;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>
/// Mutated sample files either read or throw <see cref="DicomReadException"/> — nothing else, quickly. The corpus is every
/// file of testdata/samples; mutations are bit flips, random bytes, truncation, overwritten length fields (undefined,
/// random, 1 GiB, 4 GiB - 2) and inserted nests of thousands of undefined-length sequences and items. Time bound (explicit,
/// for CI): the property stops mutating once <see cref="Budget"/> is spent (3,000 cases take about 10 s on one core), and
/// any single read taking longer than <see cref="PerCase"/> fails the test.
/// </summary>
public sealed class FuzzTests
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    private static readonly Lazy<byte[][]> Files = new(() => [.. TestFiles.Corpus().Select(s => File.ReadAllBytes(TestFiles.Sample(s)))]);

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    [Fact]
    public void The_corpus_is_every_sample() => Assert.Equal(TestFiles.Corpus().Count(), Files.Value.Length);

    [Property(MaxTest = 3000)]
    public void Mutated_files_read_or_throw_DicomReadException(int seed)
    {
        if (Clock.Elapsed > Budget)
        {
            return;
        }

        var random = new Random(seed);
        var corpus = Files.Value;
        var bytes = (byte[])corpus[random.Next(corpus.Length)].Clone();
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes = bytes[..at];
                    break;
                case 2 when at + 4 <= bytes.Length:
                    uint[] lengths = [0xFFFFFFFFu, 0x40000000u, 0xFFFFFFFEu, (uint)random.Next()];
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), lengths[random.Next(lengths.Length)]);
                    break;
                case 3:
                    bytes = [.. bytes[..at], .. DeepNest(random.Next(1, 5000), random.Next(2) == 0), .. bytes[at..]];
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
        var watch = Stopwatch.StartNew();
        try
        {
            using Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
            DicomReader.ReadFile(stream);
        }
        catch (DicomReadException)
        {
        }

        Assert.True(watch.Elapsed < PerCase, $"seed {seed}: one read took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    public void A_hundred_thousand_nested_sequences_are_rejected_without_exhausting_the_stack(int depth, bool explicitVR)
    {
        var sample = File.ReadAllBytes(TestFiles.Sample(explicitVR ? "pydicom/test_files/CT_small.dcm" : "pydicom/test_files/MR_small_implicit.dcm"));
        var file = DicomFile.Open(new MemoryStream(sample));
        using var bare = new MemoryStream();
        DicomWriter.WriteDataset(bare, file.Dataset, file.TransferSyntax);
        byte[] bytes = [.. DeepNest(depth, explicitVR), .. bare.ToArray()];

        foreach (var seekable in new[] { true, false })
        {
            using Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
            var ex = Assert.Throws<DicomReadException>(() => DicomReader.ReadDataset(stream, file.TransferSyntax));
            Assert.Contains("deeper than 64", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0x40000000u)]
    [InlineData(0xFFFFFFFEu)]
    public void A_gigabyte_value_length_in_a_small_file_allocates_only_what_arrives(uint length)
    {
        // An explicit VR UT header (32-bit length) claiming the gigabyte, followed by only 1 KiB of data.
        byte[] header = [0x08, 0x00, 0x19, 0x01, (byte)'U', (byte)'T', 0, 0, .. BitConverter.GetBytes(length)];
        byte[] bytes = [.. header, .. new byte[1024]];
        foreach (var seekable in new[] { true, false })
        {
            using Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var ex = Assert.Throws<DicomReadException>(() => DicomReader.ReadDataset(stream, DicomTransferSyntax.ExplicitVRLittleEndian));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(new DicomTag(0x0008, 0x0119), ex.Tag);
            Assert.Equal(0, ex.Offset);
            Assert.True(allocated < 8 * 1024 * 1024, $"seekable={seekable}: allocated {allocated:N0} bytes");
        }
    }

    /// <summary>depth × (an undefined-length sequence (0008,1115) and an undefined-length item), explicit or implicit VR.</summary>
    private static byte[] DeepNest(int depth, bool explicitVR)
    {
        byte[] sq = explicitVR ? [0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF] : [0x08, 0x00, 0x15, 0x11, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] item = [0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF];
        var result = new byte[depth * (sq.Length + item.Length)];
        for (var i = 0; i < depth; i++)
        {
            sq.CopyTo(result, i * (sq.Length + item.Length));
            item.CopyTo(result, (i * (sq.Length + item.Length)) + sq.Length);
        }

        return result;
    }
}
