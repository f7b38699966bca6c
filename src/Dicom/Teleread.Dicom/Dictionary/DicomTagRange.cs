namespace Teleread.Dicom;

/// <summary>A repeating-group or element range of the dictionary, e.g. (6000-60FF,3000) for Overlay Data in even groups.</summary>
public readonly record struct DicomTagRange(
    ushort GroupFirst, ushort GroupLast, DicomTagParity GroupParity,
    ushort ElementFirst, ushort ElementLast, DicomTagParity ElementParity)
{
    public bool Contains(DicomTag tag) =>
        tag.Group >= GroupFirst && tag.Group <= GroupLast && Fits(tag.Group, GroupParity)
        && tag.Element >= ElementFirst && tag.Element <= ElementLast && Fits(tag.Element, ElementParity);

    private static bool Fits(ushort v, DicomTagParity p) => p switch
    {
        DicomTagParity.Even => (v & 1) == 0,
        DicomTagParity.Odd => (v & 1) == 1,
        _ => true,
    };
}
