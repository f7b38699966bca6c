namespace Teleread.Dicom;

/// <summary>One item of a sequence: a nested data set. Remembers whether it was read with undefined length so it is written back the same way.</summary>
public sealed class DicomItem : DicomDataset
{
    /// <summary>True/false as read; null for an item built in code (the writer's option decides).</summary>
    public bool? UndefinedLength { get; set; }
}
