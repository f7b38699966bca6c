namespace Teleread.Dicom.Validation;

/// <summary>A composite IOD of PS3.3 Annex A: the SOP classes that use it and its modules.</summary>
public sealed record DicomIodDefinition(string Name, string Section, IReadOnlyList<string> SopClassUids, IReadOnlyList<DicomModuleUsage> Modules);
