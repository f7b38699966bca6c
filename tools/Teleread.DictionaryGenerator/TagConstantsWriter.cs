namespace Teleread.DictionaryGenerator;

internal static class TagConstantsWriter
{
    public static string Write(List<DicRecord> records)
    {
        var sb = DictionaryGenerator.Begin();
        sb.Append("/// <summary>Every public tag of the data dictionary by keyword (repeating groups by their first tag).</summary>\n");
        sb.Append("public static class DicomTags\n{\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in records.OrderBy(r => r.GroupFirst).ThenBy(r => r.ElementFirst))
        {
            var id = CSharp.Identifier(r.StandardKeyword);
            if (id.Length == 0 || !seen.Add(id))
            {
                continue;
            }

            if (r.IsRetired)
            {
                sb.Append("    /// <summary>Retired.</summary>\n");
            }

            sb.Append("    public static readonly DicomTag ").Append(id).Append(" = new(")
                .Append(DictionaryGenerator.Hex((uint)r.GroupFirst << 16 | r.ElementFirst)).Append(");\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }
}
