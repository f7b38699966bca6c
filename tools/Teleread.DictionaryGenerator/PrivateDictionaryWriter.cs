namespace Teleread.DictionaryGenerator;

internal static class PrivateDictionaryWriter
{
    public static string Write(List<DicRecord> records)
    {
        var sb = DictionaryGenerator.Begin();
        sb.Append("public static partial class DicomDictionary\n{\n");
        sb.Append("    private static DicomPrivateDictionaryEntry[] CreatePrivateEntries() =>\n    [\n");
        foreach (var r in records.OrderBy(r => r.PrivateCreator, StringComparer.Ordinal).ThenBy(r => r.GroupFirst).ThenBy(r => r.ElementFirst & 0xFF))
        {
            sb.Append("        new(").Append(CSharp.Literal(r.PrivateCreator!))
                .Append(", ").Append(DictionaryGenerator.Hex(r.GroupFirst)).Append(", ").Append(DictionaryGenerator.Hex(r.GroupLast))
                .Append(", 0x").Append((r.ElementFirst & 0xFF).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))
                .Append(", ").Append(CSharp.Literal(r.Keyword))
                .Append(", DicomDictionaryVRs.").Append(DictionaryGenerator.VRField(r.VRCode))
                .Append(", ").Append(CSharp.Literal(r.VM)).Append("),\n");
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }
}
