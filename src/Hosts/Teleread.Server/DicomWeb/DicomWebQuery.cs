using Teleread.Dicom;

namespace Teleread.Server.DicomWeb;

public enum DicomWebQueryLevel
{
    Study,
    Series,
    Instance,
}

/// <summary>One matching key of a QIDO-RS request: the attribute and the value as sent (wildcards, ranges, lists kept).</summary>
public sealed record DicomWebMatch(DicomTag Tag, string Value);

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
