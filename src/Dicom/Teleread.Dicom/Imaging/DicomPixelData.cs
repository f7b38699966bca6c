namespace Teleread.Dicom.Imaging;

/// <summary>
/// The pixel data of a data set, frame by frame, as native little-endian bytes whatever the storage: native values in memory
/// or left in the file (read one frame at a time, big endian swapped), or encapsulated fragments (RLE Lossless decoded,
/// Encapsulated Uncompressed passed through). Other compressed syntaxes give <see cref="DicomCodecNotAvailableException"/>.
/// </summary>
public sealed class DicomPixelData
{
    // A PackBits run of two bytes yields at most 128: no segment decodes to more than 64 times its size.
    private const int MaxRleExpansion = 64;

    private readonly DicomDataset _dataset;
    private readonly DicomElement? _native;
    private readonly DicomFragmentSequence? _fragments;
    private readonly DicomPixelDescription _frameDescription;
    private (int First, int Count)[]? _frameMap;

    private DicomPixelData(DicomDataset dataset, DicomTransferSyntax syntax, DicomPixelDescription description,
        DicomElement? native, DicomFragmentSequence? fragments, DicomPaletteColorLut? palette)
    {
        _dataset = dataset;
        TransferSyntax = syntax;
        Description = description;
        _native = native;
        _fragments = fragments;
        Palette = palette;
        _frameDescription = description with { NumberOfFrames = 1 };
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public DicomPixelDescription Description { get; }

    /// <summary>The palette of a PALETTE COLOR image, else null.</summary>
    public DicomPaletteColorLut? Palette { get; }

    public int FrameCount => Description.NumberOfFrames;

    /// <summary>Attribute values that were ignored (unusable windows) while reading the description.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public bool IsEncapsulated => _fragments is not null;

    /// <summary>Reads the image attributes of <paramref name="dataset"/>; pixel values are only touched by the frame methods.</summary>
    public static DicomPixelData FromDataset(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var warnings = new List<string>();
        var description = DicomPixelAttributes.ReadDescription(dataset, warnings);
        var palette = description.PhotometricInterpretation == DicomPhotometricInterpretation.PaletteColor
            ? DicomPixelAttributes.ReadPalette(dataset, description)
            : null;
        switch (dataset.Get(DicomTags.PixelData))
        {
            case DicomElement native when !syntax.IsEncapsulated || native.Length > 0:
                return new DicomPixelData(dataset, syntax, description, native, null, palette) { Warnings = warnings };
            case DicomFragmentSequence fragments:
                return new DicomPixelData(dataset, syntax, description, null, fragments, palette) { Warnings = warnings };
            case null:
                throw new DicomImagingException("The data set has no Pixel Data (7FE0,0010).");
            default:
                throw new DicomImagingException($"Pixel Data (7FE0,0010) in {syntax.Name} must be encapsulated (a sequence of fragments).");
        }
    }

    /// <summary>Native little-endian bytes of one frame, laid out as <see cref="Description"/> says (1-bit frames start at bit 0).</summary>
    public byte[] GetNativeFrame(int index)
    {
        CheckIndex(index);
        if (_native is not null) return ReadNativeFrame(_native, index);

        if (TransferSyntax == DicomTransferSyntax.RLELossless)
        {
            var encoded = GetEncodedFrame(index);
            long decodedLength = _frameDescription.BytesPerFrame;
            if (decodedLength > (long)encoded.Length * MaxRleExpansion)
                throw new DicomRleException($"Frame {index + 1} is a {encoded.Length}-byte RLE fragment; it cannot decode to the {decodedLength} bytes the image attributes require.");
            return RleCodec.DecodeFrame(encoded, _frameDescription);
        }

        if (TransferSyntax == DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian)
        {
            var frame = GetEncodedFrame(index);
            if (frame.Length < _frameDescription.BytesPerFrame)
                throw new DicomImagingException($"Frame {index + 1} has {frame.Length} bytes; the image attributes require {_frameDescription.BytesPerFrame}.");
            return frame.Length == _frameDescription.BytesPerFrame ? frame : frame[.._frameDescription.BytesPerFrame];
        }

        throw new DicomCodecNotAvailableException(TransferSyntax, $"decode frame {index + 1}");
    }

    /// <summary>The stored (compressed) bytes of one frame of encapsulated pixel data: its fragments concatenated.</summary>
    public byte[] GetEncodedFrame(int index)
    {
        CheckIndex(index);
        if (_fragments is null) throw new DicomImagingException("The Pixel Data is native; frames have no encoded form.");
        _frameMap ??= DicomFrameFragments.Map(_dataset, _fragments, FrameCount);
        var (first, count) = _frameMap[index];
        long total = 0;
        for (int i = first; i < first + count; i++) total += _fragments.Fragments[i].Length;
        if (total > Array.MaxLength) throw new DicomImagingException($"Frame {index + 1} has {total} encoded bytes, more than one array holds.");
        var bytes = new byte[total];
        int position = 0;
        for (int i = first; i < first + count; i++)
        {
            var data = _fragments.Fragments[i].Load().Span;
            data.CopyTo(bytes.AsSpan(position));
            position += data.Length;
        }
        return bytes;
    }

    /// <summary>Renders one frame; the image's palette is used unless the options name one.</summary>
    public DicomBitmap RenderFrame(int index, DicomRenderOptions? options = null)
    {
        options ??= new DicomRenderOptions();
        if (options.Palette is null && Palette is not null) options = options with { Palette = Palette };
        return DicomImageRenderer.Render(_frameDescription, GetNativeFrame(index), 0, options);
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= FrameCount)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The image has {FrameCount} frame(s).");
    }

    private byte[] ReadNativeFrame(DicomElement element, int index)
    {
        var d = Description;
        long firstBit = d.BitsPerFrame * index;
        long start = firstBit / 8, end = (firstBit + d.BitsPerFrame + 7) / 8;
        if (element.Length < end)
            throw new DicomImagingException($"Pixel Data (7FE0,0010) has {element.Length} bytes; frame {index + 1} of {d.NumberOfFrames} needs {end}.");

        byte[] bytes;
        if (element.BulkData is { } bulk)
        {
            bytes = new byte[end - start];
            using var stream = bulk.Open();
            stream.Position = start;
            stream.ReadExactly(bytes);
            // start is a whole number of frames, hence of swap units, from the value's first byte.
            DicomByteSwap.Swap(bytes, bulk.SwapUnit);
            if (bulk.SwapUnit == 2 && d.BitsAllocated == 32) SwapWordPairs(bytes);
        }
        else
        {
            bytes = element.Value.Span[(int)start..(int)end].ToArray();
            if (TransferSyntax.IsBigEndian && element.VR == DicomVR.OW && d.BitsAllocated == 32) SwapWordPairs(bytes);
        }

        return d.BitsAllocated == 1 ? Realign(bytes, (int)(firstBit % 8), d.PixelsPerFrame) : bytes;
    }

    /// <summary>Big-endian 32-bit samples in an OW value were swapped per 16-bit word; exchanging the words completes the swap.</summary>
    private static void SwapWordPairs(byte[] bytes)
    {
        for (int i = 0; i + 3 < bytes.Length; i += 4)
        {
            (bytes[i], bytes[i + 2]) = (bytes[i + 2], bytes[i]);
            (bytes[i + 1], bytes[i + 3]) = (bytes[i + 3], bytes[i + 1]);
        }
    }

    private static byte[] Realign(byte[] bytes, int bitOffset, int pixels)
    {
        var frame = new byte[(pixels + 7) / 8];
        for (int i = 0; i < pixels; i++)
        {
            int bit = bitOffset + i;
            if (((bytes[bit >> 3] >> (bit & 7)) & 1) != 0) frame[i >> 3] |= (byte)(1 << (i & 7));
        }
        return frame;
    }
}
