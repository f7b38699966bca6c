using Teleread.Dicom;

namespace Teleread.Cli.Dimse;

/// <summary>C-FIND matches as a plain text table: one column per key (named by keyword), one row per match.</summary>
public static class DicomResultTable
{
    private const int MaximumWidth = 64;

    public static void Write(TextWriter output, IReadOnlyList<DicomTag> columns, IReadOnlyList<DicomDataset> rows)
    {
        var header = columns.Select(t => DicomDictionary.Find(t)?.Keyword ?? t.ToString()).ToArray();
        var cells = rows.Select(r => columns.Select(t => Cell(r, t)).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Min(MaximumWidth, cells.Select(c => c[i].Length).Append(h.Length).Max())).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }

        output.WriteLine($"{rows.Count} match{(rows.Count == 1 ? "" : "es")}");
    }

    private static string Line(string[] values, int[] widths) =>
        string.Join("  ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))).TrimEnd();

    private static string Cell(DicomDataset row, DicomTag tag) => row.Get(tag) switch
    {
        DicomSequence sequence => $"({sequence.Items.Count} item{(sequence.Items.Count == 1 ? "" : "s")})",
        DicomElement => string.Join('\\', row.GetStrings(tag)),
        _ => "",
    };
}
