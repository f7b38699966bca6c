using Teleread.Dicom;

namespace Teleread.Archive.Query;

/// <summary>
/// One query model for C-FIND and QIDO-RS. <see cref="Keys"/> holds matching keys as DICOM strings:
/// empty = universal (return only), "a*b?" = wildcard, "x\y" = UID list, "20200101-20201231" = range (DA/TM),
/// anything else = single value. Person names match any component group (romaji, kanji, kana), case-insensitively.
/// </summary>
public sealed class StudyQuery
{
    public QueryLevel Level { get; init; } = QueryLevel.Study;

    public Dictionary<DicomTag, string> Keys { get; } = [];

    /// <summary>QIDO-RS fuzzymatching=true: names also match by prefix of any component.</summary>
    public bool FuzzyNames { get; init; }

    public int Limit { get; init; } = 1000;

    public int Offset { get; init; }

    /// <summary>Study UID and series UID that scope a series or instance query (QIDO /studies/{uid}/series…).</summary>
    public string? StudyInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }
}
