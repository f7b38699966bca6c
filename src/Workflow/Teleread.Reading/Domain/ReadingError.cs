namespace Teleread.Reading.Domain;

/// <summary>The error catalogue of the reading workflow; the REST API maps each to one HTTP status.</summary>
public enum ReadingError
{
    IllegalTransition,
    RadiologistRequired,
    NotTheAssignee,
    SameRadiologist,
    SecondReaderMustDiffer,
    SecondReadingRequired,
    QaCheckRequired,
    LockedByAnother,
    ConcurrencyConflict,
    NotFound,
    NotQualified,

    /// <summary>The clinic filed a request for a study whose request opened from images is already with a radiologist (or done).</summary>
    StudyAlreadyInReading,
}
