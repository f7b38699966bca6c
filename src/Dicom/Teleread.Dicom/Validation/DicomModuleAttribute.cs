namespace Teleread.Dicom.Validation;

/// <summary>One row of a module table: an attribute, its type and, for 1C/2C, the condition under which it is required.</summary>
public sealed record DicomModuleAttribute(DicomTag Tag, DicomAttributeType Type, DicomCondition? Condition = null)
{
    public string Keyword => DicomDictionary.Find(Tag)?.Keyword ?? Tag.ToString();

    public bool IsRequiredIn(DicomDataset dataset) =>
        Type is DicomAttributeType.Type1 or DicomAttributeType.Type2 || (Condition?.IsSatisfiedBy(dataset) ?? false);

    public bool NeedsValue => Type is DicomAttributeType.Type1 or DicomAttributeType.Type1C;
}
