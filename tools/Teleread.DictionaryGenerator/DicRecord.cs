namespace Teleread.DictionaryGenerator;

/// <summary>One line of a DCMTK .dic file: a tag or tag range with its VR, keyword and VM.</summary>
public sealed record DicRecord(
    ushort GroupFirst,
    ushort GroupLast,
    TagParity GroupParity,
    ushort ElementFirst,
    ushort ElementLast,
    TagParity ElementParity,
    string? PrivateCreator,
    string VRCode,
    string Keyword,
    string VM,
    string Version)
{
    public bool IsRange => GroupFirst != GroupLast || ElementFirst != ElementLast;

    public bool IsRetired => Keyword.StartsWith("RETIRED_", StringComparison.Ordinal) || Version.EndsWith("/retired", StringComparison.Ordinal);

    public string StandardKeyword => Keyword.StartsWith("RETIRED_", StringComparison.Ordinal) ? Keyword["RETIRED_".Length..] : Keyword;
}

public enum TagParity
{
    Even,
    Odd,
    Any,
}
