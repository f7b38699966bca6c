namespace Teleread.DictionaryGenerator;

/// <summary>
/// Transfer syntax properties follow from PS3.5 Section 10 and Annex A: only 1.2.840.10008.1.2 is implicit VR, only
/// 1.2.840.10008.1.2.2 is big endian, deflate applies to .1.2.1.99 and the JPIP Referenced Deflate syntaxes (Deflated Image Frame Compression deflates
/// frames, not the data set), and every other syntax
/// except the three native ones, JPIP Referenced (pixel data by URL) and the non-data-set encodings is encapsulated.
/// </summary>
internal static class TransferSyntaxWriter
{
    private static readonly HashSet<string> Native = new(StringComparer.Ordinal)
    {
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
        "1.2.840.10008.1.2.4.94", "1.2.840.10008.1.2.4.95", "1.2.840.10008.1.2.4.204", "1.2.840.10008.1.2.4.205", "1.2.840.10008.1.20",
    };

    public static string Write(List<UidRecord> uids)
    {
        var sb = DictionaryGenerator.Begin();
        sb.Append("public sealed partial class DicomTransferSyntax\n{\n");
        var list = new List<string>();
        foreach (var u in uids.Where(u => u.Type == "Transfer Syntax" && u.Uid.StartsWith("1.2.840.10008.1.2", StringComparison.Ordinal) || u.Uid == "1.2.840.10008.1.20"))
        {
            var id = CSharp.Identifier(u.Keyword);
            if (id.Length == 0 || list.Contains(id))
            {
                continue;
            }

            list.Add(id);
            var implicitVR = u.Uid is "1.2.840.10008.1.2" or "1.2.840.10008.1.20";
            var bigEndian = u.Uid == "1.2.840.10008.1.2.2";
            var deflated = u.Uid is "1.2.840.10008.1.2.1.99" or "1.2.840.10008.1.2.4.95" or "1.2.840.10008.1.2.4.205";
            var encapsulated = !Native.Contains(u.Uid) && u.Uid.StartsWith("1.2.840.10008.1.2.", StringComparison.Ordinal) && !u.Uid.StartsWith("1.2.840.10008.1.2.6", StringComparison.Ordinal);
            var lossy = encapsulated && (u.Name.Contains("Lossy", StringComparison.Ordinal)
                || !(u.Name.Contains("Lossless", StringComparison.Ordinal) || u.Name.Contains("Uncompressed", StringComparison.Ordinal) || u.Name.Contains("RLE", StringComparison.Ordinal) || u.Name.Contains("PCM", StringComparison.Ordinal)
                || u.Name.StartsWith("Deflated", StringComparison.Ordinal)));
            sb.Append("    /// <summary>").Append(System.Security.SecurityElement.Escape(u.Name)).Append(" (").Append(u.Uid).Append(")</summary>\n");
            sb.Append("    public static readonly DicomTransferSyntax ").Append(id).Append(" = new(")
                .Append(CSharp.Literal(u.Uid)).Append(", ").Append(CSharp.Literal(u.Name))
                .Append(", explicitVR: ").Append(B(!implicitVR))
                .Append(", bigEndian: ").Append(B(bigEndian))
                .Append(", deflated: ").Append(B(deflated))
                .Append(", encapsulated: ").Append(B(encapsulated))
                .Append(", lossy: ").Append(B(lossy))
                .Append(", retired: ").Append(B(u.Retired)).Append(");\n\n");
        }

        sb.Append("    /// <summary>Every transfer syntax of the standard.</summary>\n");
        sb.Append("    public static IReadOnlyList<DicomTransferSyntax> All { get; } =\n    [\n");
        foreach (var id in list)
        {
            sb.Append("        ").Append(id).Append(",\n");
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }

    private static string B(bool b) => b ? "true" : "false";
}
