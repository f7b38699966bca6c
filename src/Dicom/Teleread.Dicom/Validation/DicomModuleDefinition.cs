namespace Teleread.Dicom.Validation;

/// <summary>An Information Module of PS3.3 (only its Type 1, 1C, 2 and 2C attributes), with the section that defines it.</summary>
public sealed record DicomModuleDefinition(string Name, string Section, IReadOnlyList<DicomModuleAttribute> Attributes);
