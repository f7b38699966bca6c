namespace Teleread.Dicom.Deidentification;

/// <summary>What de-identifying one instance did: counts and warnings (e.g. burned-in annotation: pixel data is never altered).</summary>
public sealed record DicomDeidentificationResult(int Removed, int Replaced, IReadOnlyList<string> Warnings);
