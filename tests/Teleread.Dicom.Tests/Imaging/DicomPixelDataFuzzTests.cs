using System.Diagnostics;
using System.Globalization;
using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>
/// Bounded random mutation (fixed seed) of image attributes and encapsulated fragments: reading the description, frames and a
/// rendering may only fail with the library's typed exceptions, never crash, hang or allocate without bound.
/// </summary>
public sealed class DicomPixelDataFuzzTests
{
    private static readonly string[] Numbers = ["0", "1", "2", "3", "7", "8", "12", "15", "16", "17", "31", "32", "33", "65535", "-1", "2147483647", "99999999999", "1.5", "abc", "", "1e400", "NaN"];
    private static readonly string[] Photometrics = ["MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422", "PALETTE COLOR", "YBR_ICT", "garbage", ""];

    private static readonly (DicomTag Tag, bool Binary)[] Attributes =
    [
        (DicomTags.Rows, true), (DicomTags.Columns, true), (DicomTags.BitsAllocated, true), (DicomTags.BitsStored, true),
        (DicomTags.HighBit, true), (DicomTags.PixelRepresentation, true), (DicomTags.SamplesPerPixel, true),
        (DicomTags.PlanarConfiguration, true), (DicomTags.NumberOfFrames, false), (DicomTags.RescaleSlope, false),
        (DicomTags.RescaleIntercept, false), (DicomTags.WindowCenter, false), (DicomTags.WindowWidth, false),
    ];

    [Fact]
    public void Corrupt_attributes_and_fragments_give_only_typed_exceptions()
    {
        var random = new Random(20250117);
        var clock = Stopwatch.StartNew();
        int runs = 0, failures = 0;
        while (runs < 4000 && clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            var (dataset, syntax) = Base(random.Next(3));
            var mutations = new List<string>();
            for (int m = random.Next(1, 4); m > 0; m--) mutations.Add(Mutate(dataset, random));
            try
            {
                var pixelData = DicomPixelData.FromDataset(dataset, syntax);
                pixelData.GetNativeFrame(pixelData.FrameCount - 1);
                pixelData.RenderFrame(0, new DicomRenderOptions { ViewportWidth = 8, ViewportHeight = 8 });
            }
            catch (Exception e) when (e is DicomImagingException or DicomDataException)
            {
                failures++;
            }
            catch (Exception e)
            {
                Assert.Fail($"Run {runs} ({string.Join("; ", mutations)}) threw {e.GetType().Name}: {e.Message}");
            }
            runs++;
        }

        Assert.True(runs >= 200, $"only {runs} runs in the time limit");
        Assert.InRange(failures, 1, runs - 1); // both outcomes occur, so the mutations neither all break nor all miss
    }

    private static (DicomDataset, DicomTransferSyntax) Base(int kind)
    {
        var (dataset, frames) = DicomPixelDataTests.Gray16(3);
        if (kind == 0) return (dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        var description = DicomPixelAttributes.ReadDescription(dataset) with { NumberOfFrames = 1 };
        var sequence = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        foreach (var frame in frames) sequence.Fragments.Add(new DicomFragment(RleCodec.EncodeFrame(frame, description)));
        if (kind == 2)
        {
            var table = new byte[12];
            long offset = 0;
            for (int i = 0; i < 3; i++)
            {
                BitConverter.TryWriteBytes(table.AsSpan(4 * i), (uint)offset);
                long length = sequence.Fragments[i].Length;
                offset += 8 + length + (length & 1);
            }
            sequence.OffsetTableBytes = table;
        }
        dataset.AddOrUpdate(sequence);
        return (dataset, DicomTransferSyntax.RLELossless);
    }

    private static string Mutate(DicomDataset dataset, Random random)
    {
        switch (random.Next(7))
        {
            case 0:
            case 1:
            {
                var (tag, binary) = Attributes[random.Next(Attributes.Length)];
                string text = random.Next(4) == 0 ? random.Next(-5, 70000).ToString(CultureInfo.InvariantCulture) : Numbers[random.Next(Numbers.Length)];
                if (binary && ushort.TryParse(text, CultureInfo.InvariantCulture, out var value))
                    dataset.AddOrUpdate(tag, DicomVR.US, value);
                else if (binary)
                    dataset.AddOrUpdate(new DicomElement(tag, DicomVR.US, new byte[random.Next(0, 3)]));
                else
                    dataset.AddOrUpdate(new DicomElement(tag, tag == DicomTags.NumberOfFrames ? DicomVR.IS : DicomVR.DS, System.Text.Encoding.ASCII.GetBytes(text)));
                return $"{tag} = '{text}'";
            }
            case 2:
            {
                string text = Photometrics[random.Next(Photometrics.Length)];
                dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, text);
                if (text == "PALETTE COLOR" && random.Next(2) == 0)
                {
                    dataset.AddOrUpdate(DicomTags.RedPaletteColorLookupTableDescriptor, DicomVR.US, (ushort)random.Next(0, 5), (ushort)0, (ushort)(random.Next(2) == 0 ? 16 : random.Next(0, 40)));
                    foreach (var data in new[] { DicomTags.RedPaletteColorLookupTableData, DicomTags.GreenPaletteColorLookupTableData, DicomTags.BluePaletteColorLookupTableData })
                        dataset.AddOrUpdate(new DicomElement(data, DicomVR.OW, new byte[random.Next(0, 12)]));
                }
                return $"Photometric Interpretation = '{text}'";
            }
            case 3:
            {
                if (dataset.Get(DicomTags.PixelData) is DicomFragmentSequence fragments && fragments.Fragments.Count > 0)
                {
                    int index = random.Next(fragments.Fragments.Count);
                    var bytes = fragments.Fragments[index].Load().ToArray();
                    fragments.Fragments[index] = new DicomFragment(bytes.AsMemory(0, random.Next(bytes.Length + 1)));
                    return $"fragment {index} truncated";
                }
                var native = dataset.GetElement(DicomTags.PixelData)!.Value;
                dataset.AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, native[..random.Next(native.Length + 1)]));
                return "native pixel data truncated";
            }
            case 4:
            {
                if (dataset.Get(DicomTags.PixelData) is not DicomFragmentSequence fragments || fragments.Fragments.Count == 0) return "nothing";
                int index = random.Next(fragments.Fragments.Count);
                var bytes = fragments.Fragments[index].Load().ToArray();
                for (int flips = random.Next(1, 6); flips > 0 && bytes.Length > 0; flips--)
                    bytes[random.Next(Math.Min(bytes.Length, random.Next(2) == 0 ? 64 : bytes.Length))] = (byte)random.Next(256);
                fragments.Fragments[index] = new DicomFragment(bytes);
                return $"fragment {index} bytes changed";
            }
            case 5:
            {
                if (dataset.Get(DicomTags.PixelData) is not DicomFragmentSequence fragments) return "nothing";
                if (random.Next(2) == 0 && fragments.Fragments.Count > 0)
                {
                    fragments.Fragments.RemoveAt(random.Next(fragments.Fragments.Count));
                    return "fragment removed";
                }
                var table = new byte[4 * random.Next(0, 5)];
                random.NextBytes(table);
                fragments.OffsetTableBytes = table;
                return "random basic offset table";
            }
            default:
            {
                var table = new byte[8 * random.Next(0, 5)];
                random.NextBytes(table);
                dataset.AddOrUpdate(new DicomElement(DicomTags.ExtendedOffsetTable, DicomVR.OV, table));
                return "random extended offset table";
            }
        }
    }
}
