namespace Teleread.Dicom.Validation;

/// <summary>Attribute types of PS3.3 7.4 (Type 3 attributes are optional and not listed in the tables).</summary>
public enum DicomAttributeType
{
    /// <summary>Present with a value.</summary>
    Type1,

    /// <summary>Present with a value when the condition holds.</summary>
    Type1C,

    /// <summary>Present, possibly empty.</summary>
    Type2,

    /// <summary>Present, possibly empty, when the condition holds.</summary>
    Type2C,
}
