using Teleread.Dicom;
using Teleread.Dicom.Imaging;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// The frames of one loaded instance: as stored (native bytes, or one frame's encapsulated bitstream) and as native
/// pixel bytes (RLE Lossless decoded here; other compressed syntaxes have no decoder and are refused).
/// </summary>
public sealed class DicomInstanceFrames
{
    private readonly DicomDataset _dataset;

    public DicomInstanceFrames(DicomFile file)
    {
        _dataset = file.Dataset;
        TransferSyntax = file.TransferSyntax;
        if (!DicomPixelDescriptionReader.HasPixelData(file.Dataset))
        {
            throw DicomWebRequestException.BadRequest("The instance has no Pixel Data.");
        }

        Description = DicomPixelDescriptionReader.Read(file.Dataset);
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public DicomPixelDescription Description { get; }

    public DicomDataset Dataset => _dataset;

    public bool CanDecode => !TransferSyntax.IsEncapsulated || TransferSyntax.Uid == DicomTransferSyntax.RLELossless.Uid;

    /// <summary>Checks a 1-based frame number against Number of Frames.</summary>
    public void CheckFrameNumber(int frameNumber)
    {
        if (frameNumber < 1 || frameNumber > Description.NumberOfFrames)
        {
            throw DicomWebRequestException.NotFound($"Frame {frameNumber} does not exist; the instance has {Description.NumberOfFrames}.");
        }
    }

    /// <summary>Native little-endian pixel bytes of one frame (1-based).</summary>
    public byte[] NativeFrame(int frameNumber)
    {
        CheckFrameNumber(frameNumber);
        if (!TransferSyntax.IsEncapsulated)
        {
            var element = _dataset.GetElement(DicomTags.PixelData) ?? throw DicomWebRequestException.BadRequest("Pixel Data is not a native value.");
            return DicomNativePixelData.ExtractFrame(Description, element.LoadValue().Span, frameNumber - 1);
        }

        if (!CanDecode)
        {
            throw DicomWebRequestException.NotAcceptable($"Frames stored as {TransferSyntax.Name} cannot be decoded by this server; ask for transfer-syntax=*.");
        }

        return RleCodec.DecodeFrame(EncapsulatedFrame(frameNumber), Description);
    }

    /// <summary>The compressed bitstream of one frame (1-based) of encapsulated Pixel Data (PS3.5 A.4).</summary>
    public byte[] EncapsulatedFrame(int frameNumber)
    {
        CheckFrameNumber(frameNumber);
        var fragments = _dataset.GetFragments(DicomTags.PixelData) ?? throw DicomWebRequestException.BadRequest("Pixel Data is not encapsulated.");
        var count = Description.NumberOfFrames;
        if (count == 1)
        {
            return Concat(fragments.Fragments);
        }

        if (fragments.Fragments.Count == count)
        {
            return fragments.Fragments[frameNumber - 1].Load().ToArray();
        }

        var offsets = fragments.BasicOffsetTable;
        if (offsets.Length != count)
        {
            throw DicomWebRequestException.BadRequest("Multi-fragment frames without a Basic Offset Table cannot be located.");
        }

        // Offsets count from the first fragment's item tag: each fragment adds its 8-byte item header.
        var start = offsets[frameNumber - 1];
        var end = frameNumber < count ? offsets[frameNumber] : uint.MaxValue;
        var position = 0L;
        var selected = new List<DicomFragment>();
        foreach (var fragment in fragments.Fragments)
        {
            if (position >= start && position < end)
            {
                selected.Add(fragment);
            }

            position += 8 + fragment.Length;
        }

        return Concat(selected);
    }

    /// <summary>The frame as this syntax stores it: native bytes, or the encapsulated bitstream.</summary>
    public byte[] StoredFrame(int frameNumber) => TransferSyntax.IsEncapsulated ? EncapsulatedFrame(frameNumber) : NativeFrame(frameNumber);

    private static byte[] Concat(IEnumerable<DicomFragment> fragments)
    {
        using var buffer = new MemoryStream();
        foreach (var f in fragments)
        {
            buffer.Write(f.Load().Span);
        }

        return buffer.ToArray();
    }
}
