namespace Teleread.Identity;

/// <summary>
/// A DICOM node a clinic registered as a destination: Teleread may open associations to it (C-MOVE
/// sub-operations, storage commitment reports) on that clinic's behalf, and to no other.
/// </summary>
public sealed record DicomNode(string Id, string ClinicId, string AeTitle, string Host, int Port, bool UseTls);
