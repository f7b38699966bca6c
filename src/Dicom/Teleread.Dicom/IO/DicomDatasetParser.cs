using System.Text;

namespace Teleread.Dicom.IO;

/// <summary>
/// Parses a data set (PS3.5 Section 7) from a byte source into observer events, in implicit or explicit VR, little or big endian.
/// Lenient on read, as documented in docs: odd value lengths are kept as declared; a stray item or sequence delimiter at
/// top level is skipped; an undefined-length UN is read as an implicit VR little endian sequence (PS3.5 6.2.2); a sequence
/// or item whose defined length runs past the end of a seekable input is read up to that end (as DCMTK does); zero bytes
/// after the last top-level element are taken as trailing padding. Each such leniency adds a warning.
/// </summary>
internal sealed class DicomDatasetParser(DicomByteSource source, IDicomReaderObserver observer, DicomReaderOptions options, string? filePath, bool explicitVR, bool bigEndian)
{
    public List<string> Warnings { get; } = [];

    private const uint UndefinedLength = 0xFFFFFFFF;
    private bool _explicit = explicitVR;
    private bool _bigEndian = bigEndian;

    public DicomTag? StoppedAt { get; private set; }

    public long StoppedAtOffset { get; private set; } = -1;

    /// <summary>Pixel Representation (0028,0103) of each data set being parsed, outermost first; -1 where none was read yet.</summary>
    private readonly List<int> _pixelRepresentation = [];

    /// <summary>Reads top-level elements to the end of the input or until the stop predicate says so.</summary>
    public void Parse() => ParseDataset(-1, 0, topLevel: true);

    private void ParseDataset(long end, int depth, bool topLevel)
    {
        _pixelRepresentation.Add(-1);
        try
        {
            ParseElements(end, depth, topLevel);
        }
        finally
        {
            _pixelRepresentation.RemoveAt(_pixelRepresentation.Count - 1);
        }
    }

    private void ParseElements(long end, int depth, bool topLevel)
    {
        Dictionary<uint, string>? creators = null;
        var previous = -1L;
        while (true)
        {
            var offset = source.Position;
            if (end >= 0 && offset >= end)
            {
                return;
            }

            if (!source.Ensure(4))
            {
                if (topLevel && end < 0 && source.Buffered == 0)
                {
                    return;
                }

                throw Truncated(null, offset, "data set ends inside an element header or item");
            }

            var header = source.Peek(4);
            var group = _bigEndian ? (ushort)(header[0] << 8 | header[1]) : (ushort)(header[1] << 8 | header[0]);
            var element = _bigEndian ? (ushort)(header[2] << 8 | header[3]) : (ushort)(header[3] << 8 | header[2]);
            var tag = new DicomTag(group, element);
            if (topLevel && options.StopBefore is { } stop && stop(tag))
            {
                StoppedAt = tag;
                StoppedAtOffset = offset;
                return;
            }

            if (topLevel && tag.Value == 0 && previous >= 0 && IsTrailingPadding())
            {
                return;
            }

            if (tag.Value <= previous && group != 0xFFFE)
            {
                Warnings.Add($"{tag} at offset {offset} is out of ascending tag order");
            }

            previous = group == 0xFFFE ? previous : tag.Value;
            source.Advance(4);
            if (group == 0xFFFE)
            {
                var len = ReadUInt32(tag, offset);
                if (tag == DicomTag.ItemDelimitationItem && !topLevel && end < 0)
                {
                    return;
                }

                if (tag == DicomTag.Item || len != 0)
                {
                    throw new DicomReadException($"Unexpected {(tag == DicomTag.Item ? "item" : "delimiter")} inside a data set", tag, offset);
                }

                continue;
            }

            var (vr, length) = ReadHeader(tag, offset, creators);
            if (vr == DicomVR.SQ)
            {
                ParseSequence(tag, length, depth + 1, offset, forceImplicitLittleEndian: false);
            }
            else if (length == UndefinedLength)
            {
                if (vr == DicomVR.UN || (!_explicit && tag != DicomTags.PixelData))
                {
                    ParseSequence(tag, length, depth + 1, offset, forceImplicitLittleEndian: vr == DicomVR.UN);
                }
                else
                {
                    ParseFragments(tag, vr == DicomVR.OB || vr == DicomVR.OW ? vr : DicomVR.OB, offset);
                }
            }
            else
            {
                var e = ReadValue(tag, vr, length, offset);
                if (!_explicit && tag.IsPrivateCreator && !e.IsBulkData)
                {
                    creators ??= [];
                    creators[tag.Value] = Encoding.Latin1.GetString(e.Value.Span).Trim(' ', '\0');
                }

                if (tag == PixelRepresentationTag && e is { IsBulkData: false, Length: 2 })
                {
                    _pixelRepresentation[^1] = e.Value.Span[0] | e.Value.Span[1] << 8; // values are little endian in memory
                }

                observer.OnElement(e, offset);
            }

            if (end >= 0 && source.Position > end)
            {
                throw new DicomReadException($"Element runs {source.Position - end} byte(s) past the end of its item", tag, offset);
            }
        }
    }

    private (DicomVR Vr, uint Length) ReadHeader(DicomTag tag, long offset, Dictionary<uint, string>? creators)
    {
        if (!_explicit)
        {
            var length = ReadUInt32(tag, offset);
            return (ImplicitVR(tag, length, creators), length);
        }

        if (!source.Ensure(4))
        {
            throw Truncated(tag, offset, "data set ends inside an element header");
        }

        var code = source.Peek(2);
        if (!DicomVR.TryParse(code[0], code[1], out var vr))
        {
            throw new DicomReadException($"Invalid VR code 0x{code[0]:X2}{code[1]:X2} in explicit VR data", tag, offset);
        }

        source.Advance(2);
        if (!vr.HasLongExplicitLength)
        {
            return (vr, source.ReadUInt16(_bigEndian));
        }

        source.Advance(2);
        return (vr, ReadUInt32(tag, offset));
    }

    private DicomVR ImplicitVR(DicomTag tag, uint length, Dictionary<uint, string>? creators)
    {
        if (tag.IsPrivate && !tag.IsPrivateCreator && creators is not null
            && creators.TryGetValue(tag.PrivateCreatorTag.Value, out var creator)
            && DicomDictionary.FindPrivate(tag, creator) is { } p)
        {
            return p.DefaultVR;
        }

        if (tag == DicomTags.PixelData)
        {
            return DicomVR.OW;
        }

        var entry = tag.IsPrivate || tag.IsGroupLength ? null : DicomDictionary.Find(tag);
        if (entry is not { ValueRepresentations.Count: > 1 } vrs)
        {
            return entry?.DefaultVR ?? DicomDictionary.DefaultVR(tag);
        }

        var choices = vrs.ValueRepresentations;
        if (choices.Contains(DicomVR.OW))
        {
            // "OB or OW" (Pixel Data, Overlay Data, Waveform Data ...) is OW in implicit VR (PS3.5 A.1, 8.1.2, 8.3);
            // "US or OW" LUT Data is US only for a one-entry LUT (PS3.3 C.11.1.1.1), i.e. a 2-byte value, as pydicom decides.
            return choices.Contains(DicomVR.US) && length == 2 ? DicomVR.US : DicomVR.OW;
        }

        if (choices.Contains(DicomVR.US) && choices.Contains(DicomVR.SS))
        {
            // "US or SS": SS when the nearest Pixel Representation (this data set, else an enclosing one) is 1, as pydicom
            // and DCMTK do (PS3.5 A.1 leaves the choice to the reader; PS3.3 C.7.6.3.1.5, C.11.1.1.1).
            for (var i = _pixelRepresentation.Count - 1; i >= 0; i--)
            {
                if (_pixelRepresentation[i] >= 0)
                {
                    return _pixelRepresentation[i] != 0 ? DicomVR.SS : DicomVR.US;
                }
            }

            return DicomVR.US;
        }

        return entry.DefaultVR;
    }

    private static readonly DicomTag PixelRepresentationTag = new(0x0028, 0x0103);

    private void ParseSequence(DicomTag tag, uint length, int depth, long offset, bool forceImplicitLittleEndian)
    {
        if (depth > options.MaxDepth)
        {
            throw new DicomReadException($"Sequences nest deeper than {options.MaxDepth} levels", tag, offset);
        }

        var undefined = length == UndefinedLength;
        var end = undefined ? -1 : source.Position + Clamp(tag, offset, length);
        var (savedExplicit, savedBigEndian) = (_explicit, _bigEndian);
        if (forceImplicitLittleEndian)
        {
            (_explicit, _bigEndian) = (false, false);
        }

        observer.OnBeginSequence(tag, undefined, offset);
        while (end < 0 || source.Position < end)
        {
            var itemOffset = source.Position;
            if (!source.Ensure(8))
            {
                throw Truncated(tag, itemOffset, "sequence ends before its delimiter");
            }

            var group = source.ReadUInt16(_bigEndian);
            var element = source.ReadUInt16(_bigEndian);
            var itemTag = new DicomTag(group, element);
            var itemLength = source.ReadUInt32(_bigEndian);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (itemTag != DicomTag.Item)
            {
                throw new DicomReadException($"Expected an item (FFFE,E000) in the sequence but found {itemTag}", tag, itemOffset);
            }

            observer.OnBeginItem(itemLength == UndefinedLength, itemOffset);
            if (itemLength == UndefinedLength)
            {
                ParseDataset(-1, depth, topLevel: false);
            }
            else
            {
                ParseDataset(source.Position + Clamp(tag, itemOffset, itemLength), depth, topLevel: false);
            }

            observer.OnEndItem();
        }

        if (end >= 0 && source.Position > end)
        {
            throw new DicomReadException($"Items run {source.Position - end} byte(s) past the end of the sequence", tag, offset);
        }

        (_explicit, _bigEndian) = (savedExplicit, savedBigEndian);
        observer.OnEndSequence();
    }

    private void ParseFragments(DicomTag tag, DicomVR vr, long offset)
    {
        observer.OnBeginFragments(tag, vr, offset);
        var first = true;
        while (true)
        {
            var itemOffset = source.Position;
            if (!source.Ensure(8))
            {
                throw Truncated(tag, itemOffset, "encapsulated pixel data ends before its sequence delimiter");
            }

            var itemTag = new DicomTag(source.ReadUInt16(_bigEndian), source.ReadUInt16(_bigEndian));
            var length = source.ReadUInt32(_bigEndian);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (itemTag != DicomTag.Item || length == UndefinedLength)
            {
                throw new DicomReadException($"Expected a fragment item of defined length but found {itemTag}", tag, itemOffset);
            }

            var fragment = first
                ? new DicomFragment(ReadBytes(tag, itemOffset, length))
                : ReadValueOrReference(tag, itemOffset, length, 1) is { } r ? new DicomFragment(r) : new DicomFragment(ReadBytes(tag, itemOffset, length));
            observer.OnFragment(fragment, first, itemOffset);
            first = false;
        }

        observer.OnEndFragments();
    }

    private DicomElement ReadValue(DicomTag tag, DicomVR vr, uint length, long offset)
    {
        var swap = _bigEndian ? DicomByteSwap.UnitFor(vr) : 1;
        if (ReadValueOrReference(tag, offset, length, swap) is { } reference)
        {
            return new DicomElement(tag, vr, reference);
        }

        var bytes = ReadBytes(tag, offset, length);
        if (swap > 1)
        {
            DicomByteSwap.Swap(bytes, swap);
        }

        return new DicomElement(tag, vr, bytes);
    }

    /// <summary>A reference instead of the bytes when the value is over the threshold and the input can seek; null otherwise.</summary>
    private DicomBulkDataReference? ReadValueOrReference(DicomTag tag, long offset, uint length, int swap)
    {
        if (length <= options.BulkDataThreshold || !source.CanSeek)
        {
            return null;
        }

        CheckRemaining(tag, offset, length);
        var at = source.Origin + source.Position;
        var reference = filePath is not null
            ? new DicomBulkDataReference(filePath, at, length, swap)
            : new DicomBulkDataReference(source.Stream, at, length, swap);
        source.TrySkip(length);
        return reference;
    }

    private byte[] ReadBytes(DicomTag tag, long offset, uint length)
    {
        CheckRemaining(tag, offset, length);
        return source.TryReadBytes(length, out var bytes) ? bytes : throw Truncated(tag, offset, $"value of {length} bytes is cut short");
    }

    private void CheckRemaining(DicomTag tag, long offset, long length)
    {
        var remaining = source.Remaining;
        if (remaining >= 0 && length > remaining)
        {
            throw new DicomReadException($"Length {length} exceeds the {remaining} byte(s) left in the input", tag, offset);
        }
    }

    /// <summary>A sequence or item length cut to what the input still holds (with a warning).</summary>
    private long Clamp(DicomTag tag, long offset, uint length)
    {
        var remaining = source.Remaining;
        if (remaining >= 0 && length > remaining)
        {
            Warnings.Add($"{tag} at offset {offset}: length {length} runs past the end of the input; read to the end instead");
            return remaining;
        }

        return length;
    }

    /// <summary>True (and the input consumed) when all that is left is zero bytes.</summary>
    private bool IsTrailingPadding()
    {
        var start = source.Position;
        while (source.Ensure(1))
        {
            var n = Math.Min(source.Buffered, 64 * 1024);
            if (source.Ensure(n) && source.Peek(n).ContainsAnyExcept((byte)0))
            {
                if (source.Position != start)
                {
                    throw new DicomReadException("Zero bytes followed by more data at top level", null, start);
                }

                return false;
            }

            source.Advance(n);
        }

        Warnings.Add($"{source.Position - start} zero byte(s) of trailing padding at offset {start} ignored");
        return true;
    }

    private uint ReadUInt32(DicomTag tag, long offset) =>
        source.Ensure(4) ? source.ReadUInt32(_bigEndian) : throw Truncated(tag, offset, "data set ends inside an element header");

    private static DicomReadException Truncated(DicomTag? tag, long offset, string what) => new($"Truncated input: {what}", tag, offset);
}
