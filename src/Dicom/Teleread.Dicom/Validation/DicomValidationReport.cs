using System.Text;

namespace Teleread.Dicom.Validation;

/// <summary>The outcome of validating one data set: the IOD it was checked against (if known) and every finding.</summary>
public sealed class DicomValidationReport(string? iodName, IReadOnlyList<DicomValidationFinding> findings)
{
    /// <summary>The IOD the data set was checked against; null when its SOP class has no table here.</summary>
    public string? IodName { get; } = iodName;

    public IReadOnlyList<DicomValidationFinding> Findings { get; } = findings;

    public IEnumerable<DicomValidationFinding> Errors => Findings.Where(f => f.Severity == DicomValidationSeverity.Error);

    public IEnumerable<DicomValidationFinding> Warnings => Findings.Where(f => f.Severity == DicomValidationSeverity.Warning);

    public bool HasErrors => Errors.Any();

    /// <summary>A readable rendering: the IOD, then one line per finding, then the counts.</summary>
    public string ToText(string? source = null)
    {
        var sb = new StringBuilder();
        if (source is not null)
        {
            sb.Append(source).Append(": ");
        }

        sb.AppendLine(IodName is null ? "IOD not recognised (value checks only)" : $"checked as {IodName}");
        foreach (var f in Findings)
        {
            sb.Append("  ").AppendLine(f.ToString());
        }

        sb.Append("  ").Append(Errors.Count()).Append(" error(s), ").Append(Warnings.Count()).AppendLine(" warning(s)");
        return sb.ToString();
    }

    public override string ToString() => ToText();
}
