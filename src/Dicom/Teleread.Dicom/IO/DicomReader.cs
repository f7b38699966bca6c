using System.IO.Compression;

namespace Teleread.Dicom.IO;

/// <summary>
/// Reads PS3.10 files (preamble, "DICM", File Meta Information in explicit VR little endian, then the data set in the
/// transfer syntax the meta group names) or bare data sets. Lenient, and documented as such: a file without preamble that
/// starts with group 0002, or with a plain data set (group 0008 first), is accepted; a data set labelled explicit VR whose
/// first element carries no VR is read as implicit VR; a missing transfer syntax UID means implicit VR little endian.
/// </summary>
public static class DicomReader
{
    /// <summary>Reads a whole file into a <see cref="DicomFile"/>; large values can stay in the file as bulk data references.</summary>
    public static DicomFile ReadFile(string path, DicomReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var builder = new DicomDatasetBuilder();
        var result = Read(stream, builder, options ?? DicomReaderOptions.Default, path);
        return new DicomFile(result.FileMetaInformation, builder.Root, result.Preamble, result.StoppedAt) { ReadWarnings = result.Warnings };
    }

    /// <summary>Reads a file from a stream. Bulk data references (if any) point into this stream, which must then stay open.</summary>
    public static DicomFile ReadFile(Stream stream, DicomReaderOptions? options = null)
    {
        var builder = new DicomDatasetBuilder();
        var result = Read(stream, builder, options ?? DicomReaderOptions.Default, null);
        return new DicomFile(result.FileMetaInformation, builder.Root, result.Preamble, result.StoppedAt) { ReadWarnings = result.Warnings };
    }

    /// <summary>
    /// Streams a file's data set to an observer (the meta group is returned built). When the stop predicate fires on a
    /// seekable stream, the stream is left positioned at the start of the element it stopped before.
    /// </summary>
    public static DicomReadResult Read(Stream stream, IDicomReaderObserver observer, DicomReaderOptions? options = null, string? filePath = null)
    {
        options ??= DicomReaderOptions.Default;
        using var source = new DicomByteSource(stream);
        try
        {
            var (preamble, hasMeta) = ReadPreamble(source);
            var meta = new DicomDataset();
            DicomTransferSyntax syntax;
            if (hasMeta)
            {
                var metaOptions = new DicomReaderOptions { StopBefore = t => t.Group != 0x0002, MaxDepth = options.MaxDepth };
                new DicomDatasetParser(source, new DicomDatasetBuilder(meta), metaOptions, null, true, false).Parse();
                var uid = meta.GetStringOrDefault(DicomTags.TransferSyntaxUID);
                syntax = !string.IsNullOrEmpty(uid) ? DicomTransferSyntax.Lookup(uid)
                    : source.Ensure(8) ? GuessSyntax(source) : DicomTransferSyntax.ImplicitVRLittleEndian;
            }
            else
            {
                syntax = GuessSyntax(source);
            }

            var datasetOffset = source.Position;
            var parser = ReadDataset(source, syntax, observer, options, filePath, sniff: true);
            return new DicomReadResult(preamble, meta, syntax, parser.StoppedAt, parser.StoppedAtOffset, datasetOffset, parser.Warnings);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException)
        {
            throw new DicomReadException($"Input could not be read: {ex.Message}", null, source.Position, ex);
        }
    }

    /// <summary>Reads a bare data set (no preamble, no meta group) encoded in the given transfer syntax.</summary>
    public static DicomDataset ReadDataset(Stream stream, DicomTransferSyntax syntax, DicomReaderOptions? options = null)
    {
        var builder = new DicomDatasetBuilder();
        ReadDataset(stream, syntax, builder, options);
        return builder.Root;
    }

    /// <summary>Streams a bare data set to an observer; returns the tag and offset it stopped before, if it stopped.</summary>
    public static (DicomTag? StoppedAt, long Offset) ReadDataset(Stream stream, DicomTransferSyntax syntax, IDicomReaderObserver observer, DicomReaderOptions? options = null)
    {
        using var source = new DicomByteSource(stream);
        try
        {
            var parser = ReadDataset(source, syntax, observer, options ?? DicomReaderOptions.Default, null, sniff: false);
            return (parser.StoppedAt, parser.StoppedAtOffset);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException)
        {
            throw new DicomReadException($"Input could not be read: {ex.Message}", null, source.Position, ex);
        }
    }

    private static DicomDatasetParser ReadDataset(DicomByteSource source, DicomTransferSyntax syntax, IDicomReaderObserver observer, DicomReaderOptions options, string? filePath, bool sniff)
    {
        if (syntax.IsDeflated)
        {
            var rest = new DicomPrefixedStream(source.TakeBuffered(), source.Stream);
            using var inflate = new DeflateStream(rest, CompressionMode.Decompress, leaveOpen: true);
            using var inflated = new DicomByteSource(inflate);
            var p = new DicomDatasetParser(inflated, observer, options, null, syntax.IsExplicitVR, syntax.IsBigEndian);
            p.Parse();
            return p;
        }

        var explicitVR = syntax.IsExplicitVR;
        if (sniff && explicitVR && !syntax.IsBigEndian && source.Ensure(6))
        {
            var head = source.Peek(6);
            explicitVR = DicomVR.TryParse(head[4], head[5], out _);
        }

        var parser = new DicomDatasetParser(source, observer, options, filePath, explicitVR, syntax.IsBigEndian);
        parser.Parse();
        if (parser.StoppedAt is not null)
        {
            source.RewindStreamToPosition();
        }

        return parser;
    }

    private static (byte[]? Preamble, bool HasMeta) ReadPreamble(DicomByteSource source)
    {
        if (source.Ensure(132) && source.Peek(132)[128..].SequenceEqual("DICM"u8))
        {
            var preamble = source.Peek(128).ToArray();
            source.Advance(132);
            return (preamble, true);
        }

        if (!source.Ensure(8))
        {
            throw new DicomReadException("Not a DICOM file: too short", null, 0);
        }

        var head = source.Peek(8);
        if (head[0] == 0x02 && head[1] == 0x00 && DicomVR.TryParse(head[4], head[5], out _))
        {
            return (null, true);
        }

        var group = head[1] << 8 | head[0];
        var bigEndianGroup = head[0] << 8 | head[1];
        if ((group is >= 0x0008 and <= 0x0010) || (bigEndianGroup is >= 0x0008 and <= 0x0010))
        {
            return (null, false);
        }

        throw new DicomReadException("Not a DICOM file: no \"DICM\" prefix at offset 128 and no data set at offset 0", null, 128);
    }

    private static DicomTransferSyntax GuessSyntax(DicomByteSource source)
    {
        var head = source.Peek(8);
        var bigEndian = head[0] == 0 && head[1] != 0;
        var explicitVR = DicomVR.TryParse(head[4], head[5], out _);
        return bigEndian ? DicomTransferSyntax.ExplicitVRBigEndian
            : explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian
            : DicomTransferSyntax.ImplicitVRLittleEndian;
    }
}
