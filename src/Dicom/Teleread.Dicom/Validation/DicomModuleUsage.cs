namespace Teleread.Dicom.Validation;

/// <summary>A module as an IOD uses it: Mandatory, or Conditional when its condition holds (User-optional modules are not listed).</summary>
public sealed record DicomModuleUsage(DicomModuleDefinition Module, DicomCondition? Condition = null)
{
    public bool IsRequiredIn(DicomDataset dataset) => Condition?.IsSatisfiedBy(dataset) ?? true;
}
