using System.Buffers;

namespace Teleread.Dicom.IO;

/// <summary>
/// Encodes a data set (PS3.5 Section 7) in implicit/explicit VR, little/big endian. Odd values are padded with the VR's
/// padding byte; a short-length VR whose value exceeds 65,534 bytes is written as UN with a 32-bit length (PS3.5 6.2.2).
/// </summary>
internal sealed class DicomDatasetWriter(DicomByteSink sink, bool explicitVR, bool bigEndian, DicomSequenceLength sequenceLength)
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    public void Write(DicomDataset dataset)
    {
        foreach (var attribute in dataset)
        {
            switch (attribute)
            {
                case DicomElement e:
                    WriteElement(e);
                    break;
                case DicomSequence s:
                    WriteSequence(s);
                    break;
                case DicomFragmentSequence f:
                    WriteFragments(f);
                    break;
            }
        }
    }

    private void WriteElement(DicomElement e)
    {
        var length = e.Length + (e.Length & 1);
        if (length > uint.MaxValue - 1)
        {
            throw new DicomDataException($"{e.Tag} is {e.Length} bytes, more than a 32-bit length can say.");
        }

        WriteHeader(e.Tag, e.VR, (uint)length);
        var unit = bigEndian ? DicomByteSwap.UnitFor(e.VR) : 1;
        if (e.BulkData is { } bulk)
        {
            var sourceBigEndian = bulk.SwapUnit > 1;
            CopyBulk(bulk, DicomByteSwap.UnitFor(e.VR) > 1 && sourceBigEndian != bigEndian ? DicomByteSwap.UnitFor(e.VR) : 1);
        }
        else if (unit > 1)
        {
            sink.WriteSwapped(e.Value.Span, unit);
        }
        else
        {
            sink.Write(e.Value.Span);
        }

        if ((e.Length & 1) == 1)
        {
            sink.WriteByte(e.VR.PaddingByte);
        }
    }

    private void WriteSequence(DicomSequence s)
    {
        var undefined = IsUndefined(s.UndefinedLength);
        WriteHeader(s.Tag, DicomVR.SQ, undefined ? UndefinedLength : Checked(s.Tag, DicomEncodedLength.OfSequenceValue(s, explicitVR, sequenceLength)));
        foreach (var item in s.Items)
        {
            var itemUndefined = IsUndefined(item.UndefinedLength);
            WriteTag(DicomTag.Item);
            sink.WriteUInt32(itemUndefined ? UndefinedLength : Checked(s.Tag, DicomEncodedLength.OfDataset(item, explicitVR, sequenceLength)), bigEndian);
            Write(item);
            if (itemUndefined)
            {
                WriteTag(DicomTag.ItemDelimitationItem);
                sink.WriteUInt32(0, bigEndian);
            }
        }

        if (undefined)
        {
            WriteTag(DicomTag.SequenceDelimitationItem);
            sink.WriteUInt32(0, bigEndian);
        }
    }

    private void WriteFragments(DicomFragmentSequence f)
    {
        WriteHeader(f.Tag, f.VR, UndefinedLength);
        WriteTag(DicomTag.Item);
        sink.WriteUInt32((uint)f.OffsetTableBytes.Length, bigEndian);
        sink.Write(f.OffsetTableBytes.Span);
        foreach (var fragment in f.Fragments)
        {
            WriteTag(DicomTag.Item);
            sink.WriteUInt32(Checked(f.Tag, fragment.Length + (fragment.Length & 1)), bigEndian);
            if (fragment.BulkData is { } bulk)
            {
                CopyBulk(bulk, 1);
            }
            else
            {
                sink.Write(fragment.Data.Span);
            }

            if ((fragment.Length & 1) == 1)
            {
                sink.WriteByte(0);
            }
        }

        WriteTag(DicomTag.SequenceDelimitationItem);
        sink.WriteUInt32(0, bigEndian);
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        WriteTag(tag);
        if (!explicitVR)
        {
            sink.WriteUInt32(length, bigEndian);
            return;
        }

        if (!vr.HasLongExplicitLength && length > 0xFFFF)
        {
            vr = DicomVR.UN;
        }

        sink.WriteByte((byte)vr.Code[0]);
        sink.WriteByte((byte)vr.Code[1]);
        if (vr.HasLongExplicitLength)
        {
            sink.WriteUInt16(0, bigEndian);
            sink.WriteUInt32(length, bigEndian);
        }
        else
        {
            sink.WriteUInt16((ushort)length, bigEndian);
        }
    }

    private void WriteTag(DicomTag tag)
    {
        sink.WriteUInt16(tag.Group, bigEndian);
        sink.WriteUInt16(tag.Element, bigEndian);
    }

    /// <summary>Streams a value from its source through a bounded buffer, swapping byte order on the way if asked.</summary>
    private void CopyBulk(DicomBulkDataReference bulk, int swapUnit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            using var source = bulk.Open();
            var remaining = bulk.Length;
            while (remaining > 0)
            {
                var n = source.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (n <= 0)
                {
                    throw new DicomDataException($"Bulk data source {bulk} ended {remaining} byte(s) early.");
                }

                if (swapUnit > 1)
                {
                    sink.WriteSwapped(buffer.AsSpan(0, n), swapUnit);
                }
                else
                {
                    sink.Write(buffer.AsSpan(0, n));
                }

                remaining -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool IsUndefined(bool? asRead) => sequenceLength switch
    {
        DicomSequenceLength.Undefined => true,
        DicomSequenceLength.Defined => false,
        _ => asRead ?? true,
    };

    private static uint Checked(DicomTag tag, long length) =>
        length < UndefinedLength ? (uint)length : throw new DicomDataException($"{tag} is too long ({length} bytes) for a defined length.");
}
