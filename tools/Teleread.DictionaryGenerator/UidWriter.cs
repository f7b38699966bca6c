namespace Teleread.DictionaryGenerator;

internal static class UidWriter
{
    public static string Write(List<UidRecord> uids)
    {
        var sb = DictionaryGenerator.Begin();
        sb.Append("/// <summary>Well-known UIDs of PS3.6 Annex A by keyword.</summary>\n");
        sb.Append("public static partial class DicomUids\n{\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in uids)
        {
            var id = CSharp.Identifier(u.Keyword);
            if (id.Length == 0 || !seen.Add(id))
            {
                continue;
            }

            sb.Append("    /// <summary>").Append(System.Security.SecurityElement.Escape(u.Name)).Append(u.Retired ? " (retired)" : "").Append("</summary>\n");
            sb.Append("    public const string ").Append(id).Append(" = ").Append(CSharp.Literal(u.Uid)).Append(";\n");
        }

        sb.Append("\n    private static DicomUidInfo[] CreateRegistry() =>\n    [\n");
        foreach (var u in uids)
        {
            sb.Append("        new(").Append(CSharp.Literal(u.Uid)).Append(", ").Append(CSharp.Literal(u.Name))
                .Append(", ").Append(CSharp.Literal(u.Keyword)).Append(", DicomUidType.").Append(TypeOf(u.Type))
                .Append(", ").Append(u.Retired ? "true" : "false").Append("),\n");
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }

    private static string TypeOf(string type) => type switch
    {
        "SOP Class" => "SopClass",
        "Meta SOP Class" => "MetaSopClass",
        "Transfer Syntax" => "TransferSyntax",
        "Well-known SOP Instance" or "Well-known Print Queue SOP Instance" or "Well-known Printer SOP Instance" => "WellKnownSopInstance",
        "Well-known frame of reference" or "Synchronization Frame of Reference" => "FrameOfReference",
        "Coding Scheme" => "CodingScheme",
        "Application Context Name" => "ApplicationContextName",
        "Service Class" => "ServiceClass",
        "Application Hosting Model" => "ApplicationHostingModel",
        "Mapping Resource" => "MappingResource",
        "LDAP OID" => "LdapOid",
        "Context Group Name" => "ContextGroupName",
        _ => "Other",
    };
}
