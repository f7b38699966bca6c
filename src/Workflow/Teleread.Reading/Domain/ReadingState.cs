namespace Teleread.Reading.Domain;

/// <summary>Where a reading request is in its lifecycle. Moves only through <see cref="ReadingTransitionTable"/>.</summary>
public enum ReadingState
{
    Received,
    ImagesComplete,
    Queued,
    Assigned,
    Reading,
    Preliminary,
    SecondReading,
    QaCheck,
    Final,
    Delivered,
    Acknowledged,
    Cancelled,
}
