using Teleread.Dicom.Network;

namespace Teleread.Cli.Dimse;

/// <summary>A storage commitment result as a plain text table: one row per requested instance, committed or failed with its reason.</summary>
public static class StorageCommitmentTable
{
    /// <summary>Writes the table; <paramref name="files"/> names the file each SOP Instance UID was read from.</summary>
    public static void Write(TextWriter output, DicomStorageCommitmentResult result, IReadOnlyDictionary<string, string> files)
    {
        var rows = result.Committed.Select(r => (Status: "committed", Reference: r, Reason: ""))
            .Concat(result.Failed.Select(f => (Status: "failed", f.Reference, Reason: f.Describe())))
            .Select(r => new[] { r.Status, r.Reference.SopInstanceUid, files.GetValueOrDefault(r.Reference.SopInstanceUid, ""), r.Reason })
            .ToList();
        string[] header = ["STATUS", "SOP INSTANCE UID", "FILE", "FAILURE REASON"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        output.WriteLine($"transaction {result.TransactionUid}: {result.Committed.Count} committed, {result.Failed.Count} failed");
    }

    private static string Line(string[] values, int[] widths) => string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
}
