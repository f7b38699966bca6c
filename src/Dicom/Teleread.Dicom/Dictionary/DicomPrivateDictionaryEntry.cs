namespace Teleread.Dicom;

/// <summary>A well-known private attribute: (group, creator, low element byte), as listed in DCMTK's private.dic.</summary>
public sealed class DicomPrivateDictionaryEntry(string creator, ushort groupFirst, ushort groupLast, byte elementOffset, string keyword, DicomVR[] vrs, string vm)
{
    public string Creator { get; } = creator;

    public ushort GroupFirst { get; } = groupFirst;

    /// <summary>Equal to <see cref="GroupFirst"/> unless the creator uses a range of odd groups.</summary>
    public ushort GroupLast { get; } = groupLast;

    /// <summary>The low byte of the element: the data element (gggg,xxEE) where xx is the block the creator reserved.</summary>
    public byte ElementOffset { get; } = elementOffset;

    public string Keyword { get; } = keyword;

    public IReadOnlyList<DicomVR> ValueRepresentations { get; } = vrs;

    public DicomVR DefaultVR => ValueRepresentations.Count > 0 ? ValueRepresentations[0] : DicomVR.UN;

    public string ValueMultiplicity { get; } = vm;
}
