namespace Teleread.Dicom;

/// <summary>A registered UID of PS3.6 Annex A.</summary>
public sealed record DicomUidInfo(string Uid, string Name, string Keyword, DicomUidType Type, bool IsRetired);
