using System.Globalization;
using System.Text;

namespace Teleread.DictionaryGenerator;

/// <summary>Turns the DCMTK and pydicom tables into the checked-in *.g.cs files of Teleread.Dicom/Dictionary.</summary>
public static class DictionaryGenerator
{
    public static SortedDictionary<string, string> Generate(DictionarySources sources)
    {
        var publicRecords = DicFileParser.Parse(File.ReadAllText(sources.PublicDic))
            .Where(r => r.Version.StartsWith("DICOM", StringComparison.Ordinal) && r.VRCode != "na")
            .ToList();
        var privateRecords = DicFileParser.Parse(File.ReadAllText(sources.PrivateDic))
            .Where(r => r.PrivateCreator is not null)
            .ToList();
        var names = PydicomDictParser.Parse(File.ReadAllText(sources.PydicomTagDict))
            .Where(e => e.Fields.Length >= 5 && e.Fields[4].Length > 0)
            .GroupBy(e => e.Fields[4], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Fields[2], StringComparer.Ordinal);
        var uids = PydicomDictParser.Parse(File.ReadAllText(sources.PydicomUidDict))
            .Where(e => e.Fields.Length >= 5)
            .Select(e => new UidRecord(e.Key, e.Fields[0], e.Fields[1], e.Fields[3].Length > 0, e.Fields[4]))
            .ToList();
        UidSupplement.Merge(uids, UidSupplement.Parse(File.ReadAllText(sources.UidSupplement)));

        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["DicomDictionary.Public.g.cs"] = PublicDictionaryWriter.Write(publicRecords, names),
            ["DicomDictionary.Private.g.cs"] = PrivateDictionaryWriter.Write(privateRecords),
            ["DicomTags.g.cs"] = TagConstantsWriter.Write(publicRecords),
            ["DicomUids.g.cs"] = UidWriter.Write(uids),
            ["DicomTransferSyntax.g.cs"] = TransferSyntaxWriter.Write(uids),
        };
    }

    internal static string Hex(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);

    internal static string Hex(ushort v) => "0x" + v.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The generated DicomDictionaryVRs field naming a dictionary VR set: "US or SS" → US_SS.</summary>
    internal static string VRField(string dcmtkCode) => dcmtkCode switch
    {
        "xs" => "US_SS",
        "ox" or "px" => "OB_OW",
        "lt" => "US_SS_OW",
        "up" => "UL",
        _ when dcmtkCode.Length == 2 && char.IsAsciiLetterUpper(dcmtkCode[0]) => dcmtkCode,
        _ => throw new FormatException($"Unknown VR code '{dcmtkCode}' in dictionary."),
    };

    internal static StringBuilder Begin(string usings = "") =>
        new StringBuilder(CSharp.Header).Append(usings).Append("namespace Teleread.Dicom;\n\n");
}
