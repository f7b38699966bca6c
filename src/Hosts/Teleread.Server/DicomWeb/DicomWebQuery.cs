using Teleread.Dicom;

namespace Teleread.Server.DicomWeb;

public enum DicomWebQueryLevel
{
    Study,
    Series,
    Instance,
}

/// <summary>
/// One matching key of a QIDO-RS request: the attribute and the value as sent (wildcards, ranges, lists kept).
/// A key inside a sequence ("RequestAttributeSequence.RequestedProcedureID") has the sequences before it in <see cref="Sequences"/>.
/// </summary>
public sealed record DicomWebMatch(DicomTag Tag, string Value, IReadOnlyList<DicomTag>? Sequences = null)
{
    /// <summary>The key as a client names it: dot-separated tags, e.g. (0040,0275).(0040,1001).</summary>
    public string Name => string.Join(".", (Sequences ?? []).Append(Tag));
}

/// <summary>A parsed QIDO-RS request (PS3.18 10.6.1): level, the UIDs of the path, matching keys and what to return.</summary>
public sealed record DicomWebQuery(
    DicomWebQueryLevel Level,
    string? StudyUid,
    string? SeriesUid,
    IReadOnlyList<DicomWebMatch> Matches,
    IReadOnlyList<DicomTag> IncludeFields,
    bool IncludeAllFields,
    bool FuzzyMatching,
    int Limit,
    int Offset);
