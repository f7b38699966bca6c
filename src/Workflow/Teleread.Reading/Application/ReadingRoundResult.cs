namespace Teleread.Reading.Application;

public sealed record ReadingRoundResult(int Promoted, int Escalated, int ReleasedLapsedLocks, int Assigned, int SentToSecondReading);
