namespace Teleread.DictionaryGenerator;

internal static class PublicDictionaryWriter
{
    public static string Write(List<DicRecord> records, Dictionary<string, string> names)
    {
        var sb = DictionaryGenerator.Begin();
        sb.Append("public static partial class DicomDictionary\n{\n");
        sb.Append("    private static DicomDictionaryEntry[] CreatePublicEntries() =>\n    [\n");
        foreach (var r in records.Where(r => !r.IsRange).OrderBy(r => r.GroupFirst).ThenBy(r => r.ElementFirst))
        {
            sb.Append("        new(").Append(DictionaryGenerator.Hex((uint)r.GroupFirst << 16 | r.ElementFirst))
                .Append(", ").Append(CSharp.Literal(r.StandardKeyword))
                .Append(", ").Append(CSharp.Literal(Name(r, names)))
                .Append(", DicomDictionaryVRs.").Append(DictionaryGenerator.VRField(r.VRCode))
                .Append(", ").Append(CSharp.Literal(r.VM))
                .Append(", ").Append(r.IsRetired ? "true" : "false").Append("),\n");
        }

        sb.Append("    ];\n\n");
        sb.Append("    private static DicomDictionaryEntry[] CreateRepeatingEntries() =>\n    [\n");
        foreach (var r in records.Where(r => r.IsRange).OrderBy(r => r.GroupFirst).ThenBy(r => r.ElementFirst))
        {
            sb.Append("        new(new DicomTagRange(").Append(DictionaryGenerator.Hex(r.GroupFirst)).Append(", ").Append(DictionaryGenerator.Hex(r.GroupLast))
                .Append(", DicomTagParity.").Append(r.GroupParity)
                .Append(", ").Append(DictionaryGenerator.Hex(r.ElementFirst)).Append(", ").Append(DictionaryGenerator.Hex(r.ElementLast))
                .Append(", DicomTagParity.").Append(r.ElementParity).Append(')')
                .Append(", ").Append(CSharp.Literal(r.StandardKeyword))
                .Append(", ").Append(CSharp.Literal(Name(r, names)))
                .Append(", DicomDictionaryVRs.").Append(DictionaryGenerator.VRField(r.VRCode))
                .Append(", ").Append(CSharp.Literal(r.VM))
                .Append(", ").Append(r.IsRetired ? "true" : "false").Append("),\n");
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }

    private static string Name(DicRecord r, Dictionary<string, string> names) =>
        names.TryGetValue(r.StandardKeyword, out var n) ? n : CSharp.SplitWords(r.StandardKeyword);
}
