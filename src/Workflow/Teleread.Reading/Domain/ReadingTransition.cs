namespace Teleread.Reading.Domain;

/// <summary>One entry of a request's timeline: who moved it, when, why, and from where to where.</summary>
public sealed record ReadingTransition(
    int Sequence,
    ReadingState From,
    ReadingCommand Command,
    ReadingState To,
    Actor Actor,
    DateTimeOffset At,
    string Reason,
    string? RadiologistId);
