namespace Teleread.Dicom;

/// <summary>Anything a data set holds under a tag: a <see cref="DicomElement"/>, a <see cref="DicomSequence"/> or a <see cref="DicomFragmentSequence"/>.</summary>
public abstract class DicomAttribute(DicomTag tag, DicomVR vr)
{
    public DicomTag Tag { get; } = tag;

    public DicomVR VR { get; } = vr;

    public override string ToString() => $"{Tag} {VR}";
}
