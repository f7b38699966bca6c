namespace Teleread.Dicom.IO;

/// <summary>Encoded sizes, needed to write sequences and items with defined length and the meta group length.</summary>
internal static class DicomEncodedLength
{
    public static long OfDataset(DicomDataset dataset, bool explicitVR, DicomSequenceLength mode)
    {
        long total = 0;
        foreach (var a in dataset)
        {
            total += OfAttribute(a, explicitVR, mode);
        }

        return total;
    }

    public static long OfAttribute(DicomAttribute a, bool explicitVR, DicomSequenceLength mode) => a switch
    {
        DicomElement e => HeaderSize(e.VR, e.Length + (e.Length & 1), explicitVR) + e.Length + (e.Length & 1),
        DicomSequence s => HeaderSize(DicomVR.SQ, 0, explicitVR) + OfSequenceValue(s, explicitVR, mode) + (Undefined(s.UndefinedLength, mode) ? 8 : 0),
        DicomFragmentSequence f => HeaderSize(f.VR, 0, explicitVR) + 8 + f.OffsetTableBytes.Length + f.Fragments.Sum(x => 8 + x.Length + (x.Length & 1)) + 8,
        _ => 0,
    };

    /// <summary>The items of a sequence, without the sequence header and delimiter.</summary>
    public static long OfSequenceValue(DicomSequence s, bool explicitVR, DicomSequenceLength mode)
    {
        long total = 0;
        foreach (var item in s.Items)
        {
            total += 8 + OfDataset(item, explicitVR, mode) + (Undefined(item.UndefinedLength, mode) ? 8 : 0);
        }

        return total;
    }

    private static long HeaderSize(DicomVR vr, long length, bool explicitVR) =>
        !explicitVR ? 8 : vr.HasLongExplicitLength || length > 0xFFFF ? 12 : 8;

    private static bool Undefined(bool? asRead, DicomSequenceLength mode) => mode switch
    {
        DicomSequenceLength.Undefined => true,
        DicomSequenceLength.Defined => false,
        _ => asRead ?? true,
    };
}
