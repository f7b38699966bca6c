namespace Teleread.Reading.Application;

public sealed record ReadingRoundResult(int Promoted, int Escalated, int Assigned, int SentToSecondReading);
