using System.Buffers.Binary;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// Writes a file in another transfer syntax: among the uncompressed ones through the writer; native ↔ RLE Lossless and
/// Encapsulated Uncompressed by decoding and encoding frame by frame. When the source pixel data was left in its file
/// (bulk data), frames go through a temporary file one at a time, so memory holds about one frame whatever the image size.
/// </summary>
public static class DicomTranscoder
{
    /// <summary>Values this large stay in the source file while transcoding a path.</summary>
    private const long BulkDataThreshold = 64 * 1024;

    /// <summary>Transcodes <paramref name="sourcePath"/> into <paramref name="targetPath"/> (which may be the same file).</summary>
    public static void Transcode(string sourcePath, string targetPath, DicomTransferSyntax target, DicomWriteOptions? options = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var source = DicomFile.Open(sourcePath, new DicomReaderOptions { BulkDataThreshold = BulkDataThreshold });
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                Transcode(source, target, output, options);
            }
            File.Move(temporary, targetPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="source"/> as a PS3.10 file in <paramref name="target"/>; the source is left unchanged.</summary>
    public static void Transcode(DicomFile source, DicomTransferSyntax target, Stream output, DicomWriteOptions? options = null)
    {
        var pixels = source.Dataset.Get(DicomTags.PixelData);
        bool sourceEncapsulated = pixels is DicomFragmentSequence;
        if (pixels is null || (!sourceEncapsulated && !target.IsEncapsulated) || (sourceEncapsulated && source.TransferSyntax == target))
        {
            source.Save(output, target, options);
            return;
        }

        if (target.IsEncapsulated && target != DicomTransferSyntax.RLELossless && target != DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian)
            throw new DicomCodecNotAvailableException(target, "encode pixel data");

        var pixelData = DicomPixelData.FromDataset(source.Dataset, source.TransferSyntax);
        bool useTemporaryFile = LeftInSource(pixels);
        using var sink = new FrameSink(useTemporaryFile);
        var converted = target.IsEncapsulated ? Encapsulate(pixelData, target, sink) : Native(pixelData, sink);
        sink.Complete();

        var dataset = new DicomDataset();
        foreach (var attribute in source.Dataset)
        {
            if (attribute.Tag != DicomTags.PixelData && attribute.Tag != DicomTags.ExtendedOffsetTable && attribute.Tag != DicomTags.ExtendedOffsetTableLengths)
                dataset.Add(attribute);
        }
        foreach (var attribute in converted) dataset.AddOrUpdate(attribute);
        try
        {
            new DicomFile(source.FileMetaInformation, dataset, source.Preamble).Save(output, target, options);
        }
        finally
        {
            // Adding a sequence to the copy made the copy its owner (for character set inheritance); give it back.
            foreach (var sequence in source.Dataset.OfType<DicomSequence>().ToList()) source.Dataset.AddOrUpdate(sequence);
        }
    }

    private static bool LeftInSource(DicomAttribute pixels) => pixels switch
    {
        DicomElement e => e.IsBulkData,
        DicomFragmentSequence f => f.Fragments.Any(x => x.BulkData is not null),
        _ => false,
    };

    private static List<DicomAttribute> Native(DicomPixelData pixelData, FrameSink sink)
    {
        var d = pixelData.Description;
        if (d.BitsAllocated == 1 && d.PixelsPerFrame % 8 != 0 && d.NumberOfFrames > 1)
            throw new DicomImagingException("Frames of 1-bit pixels that do not end on a byte boundary cannot be joined into native Pixel Data here.");
        for (int i = 0; i < pixelData.FrameCount; i++) sink.Append(pixelData.GetNativeFrame(i));
        var vr = d.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB;
        return [sink.ToElement(DicomTags.PixelData, vr)];
    }

    private static List<DicomAttribute> Encapsulate(DicomPixelData pixelData, DicomTransferSyntax target, FrameSink sink)
    {
        var frameDescription = pixelData.Description with { NumberOfFrames = 1 };
        var offsets = new long[pixelData.FrameCount];
        var lengths = new long[pixelData.FrameCount];
        long position = 0;
        for (int i = 0; i < pixelData.FrameCount; i++)
        {
            var native = pixelData.GetNativeFrame(i);
            var encoded = target == DicomTransferSyntax.RLELossless ? RleCodec.EncodeFrame(native, frameDescription) : native;
            offsets[i] = position;
            lengths[i] = encoded.Length;
            sink.Append(encoded);
            position += 8 + encoded.Length + (encoded.Length & 1);
        }

        var sequence = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        for (int i = 0; i < offsets.Length; i++) sequence.Fragments.Add(sink.Fragment(i, lengths[i]));
        var result = new List<DicomAttribute> { sequence };
        if (offsets[^1] <= uint.MaxValue)
        {
            var table = new byte[4 * offsets.Length];
            for (int i = 0; i < offsets.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4 * i), (uint)offsets[i]);
            sequence.OffsetTableBytes = table;
        }
        else
        {
            // Past 4 GiB the Basic Offset Table cannot say where frames start (PS3.5 A.4); the Extended Offset Table can.
            result.Add(DicomElement.FromValues(DicomTags.ExtendedOffsetTable, DicomVR.OV, Array.ConvertAll(offsets, o => (ulong)o)));
            result.Add(DicomElement.FromValues(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, Array.ConvertAll(lengths, l => (ulong)l)));
        }
        return result;
    }

    /// <summary>Collects frames in memory, or in a temporary file read back through bulk data references.</summary>
    private sealed class FrameSink : IDisposable
    {
        private readonly string? _path;
        private readonly Stream _stream;
        private readonly List<long> _starts = [];

        public FrameSink(bool temporaryFile)
        {
            if (temporaryFile)
            {
                _path = Path.Combine(Path.GetTempPath(), $"teleread-transcode-{Guid.NewGuid():N}.tmp");
                _stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 256 * 1024);
            }
            else
            {
                _stream = new MemoryStream();
            }
        }

        public void Append(byte[] frame)
        {
            _starts.Add(_stream.Position);
            _stream.Write(frame);
        }

        public void Complete() => _stream.Flush();

        public DicomElement ToElement(DicomTag tag, DicomVR vr) => _path is null
            ? new DicomElement(tag, vr, ((MemoryStream)_stream).ToArray())
            : new DicomElement(tag, vr, new DicomBulkDataReference(_path, 0, _stream.Length));

        public DicomFragment Fragment(int index, long length) => _path is null
            ? new DicomFragment(((MemoryStream)_stream).GetBuffer().AsMemory((int)_starts[index], (int)length))
            : new DicomFragment(new DicomBulkDataReference(_path, _starts[index], length));

        public void Dispose()
        {
            _stream.Dispose();
            if (_path is not null) File.Delete(_path);
        }
    }
}
