namespace Teleread.Dicom.Validation;

/// <summary>
/// Checks a data set against its IOD's module tables (<see cref="DicomIods"/>: Type 1, 1C, 2, 2C) and every value against its VR
/// and the dictionary's VM (<see cref="DicomValueChecker"/>), recursively through sequences.
/// </summary>
public static class DicomValidator
{
    public static DicomValidationReport Validate(DicomFile file)
    {
        var sopClass = file.Dataset.GetStringOrDefault(DicomTags.SOPClassUID)
            ?? file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPClassUID);
        return Validate(file.Dataset, sopClass is null ? null : DicomIods.ForSopClass(sopClass));
    }

    /// <summary>Validates against the IOD named by the data set's SOP Class UID (value checks only when no table covers it).</summary>
    public static DicomValidationReport Validate(DicomDataset dataset) =>
        Validate(dataset, dataset.GetStringOrDefault(DicomTags.SOPClassUID) is { } uid ? DicomIods.ForSopClass(uid) : null);

    public static DicomValidationReport Validate(DicomDataset dataset, DicomIodDefinition? iod)
    {
        var findings = new List<DicomValidationFinding>();
        if (iod is not null)
        {
            CheckIod(dataset, iod, findings);
        }
        else
        {
            findings.Add(new DicomValidationFinding(DicomValidationSeverity.Warning, DicomTags.SOPClassUID, "IOD",
                "no IOD table for this SOP class: required attributes were not checked"));
        }

        CheckValues(dataset, "", findings);
        return new DicomValidationReport(iod?.Name, findings);
    }

    private static void CheckIod(DicomDataset dataset, DicomIodDefinition iod, List<DicomValidationFinding> findings)
    {
        foreach (var usage in iod.Modules.Where(u => u.IsRequiredIn(dataset)))
        {
            var module = $"{usage.Module.Name} (PS3.3 {usage.Module.Section})";
            foreach (var attribute in usage.Module.Attributes.Where(a => a.IsRequiredIn(dataset)))
            {
                var type = attribute.Type switch
                {
                    DicomAttributeType.Type1 => "Type 1",
                    DicomAttributeType.Type1C => $"Type 1C, required when {attribute.Condition}",
                    DicomAttributeType.Type2 => "Type 2",
                    _ => $"Type 2C, required when {attribute.Condition}",
                };
                var present = dataset.Get(attribute.Tag);
                if (present is null)
                {
                    findings.Add(new DicomValidationFinding(DicomValidationSeverity.Error, attribute.Tag, module, $"missing ({type})"));
                }
                else if (attribute.NeedsValue && IsEmpty(present))
                {
                    findings.Add(new DicomValidationFinding(DicomValidationSeverity.Error, attribute.Tag, module, $"present but empty ({type})"));
                }
            }
        }
    }

    private static bool IsEmpty(DicomAttribute attribute) => attribute switch
    {
        DicomElement e => e.Length == 0 || (e.VR.IsString && !e.IsBulkData && e.Value.Span.IndexOfAnyExcept((byte)' ', (byte)0) < 0),
        DicomSequence s => s.Items.Count == 0,
        _ => false,
    };

    private static void CheckValues(DicomDataset dataset, string path, List<DicomValidationFinding> findings)
    {
        foreach (var attribute in dataset)
        {
            switch (attribute)
            {
                case DicomElement element:
                    foreach (var message in DicomValueChecker.Check(element, dataset))
                    {
                        findings.Add(new DicomValidationFinding(DicomValidationSeverity.Error, element.Tag, DicomValueChecker.ModuleName, message, path));
                    }

                    break;
                case DicomSequence sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        CheckValues(sequence.Items[i], $"{path}{sequence.Tag}[{i}]/", findings);
                    }

                    break;
            }
        }
    }
}
