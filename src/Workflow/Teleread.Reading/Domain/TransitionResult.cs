namespace Teleread.Reading.Domain;

/// <summary>The outcome of a command: the recorded transition, or a rejection with a reason. Never a silent no-op.</summary>
public sealed record TransitionResult(ReadingTransition? Transition, ReadingError? Error, string? Message)
{
    public bool IsAccepted => Transition is not null;

    public static TransitionResult Accepted(ReadingTransition transition) => new(transition, null, null);

    public static TransitionResult Rejected(ReadingError error, string message) => new(null, error, message);

    public static TransitionResult Illegal(ReadingState state, ReadingCommand command) =>
        Rejected(
            ReadingError.IllegalTransition,
            $"Cannot {command} a request that is {state}. Allowed in {state}: " +
            (ReadingTransitionTable.AllowedCommands(state) is { Count: > 0 } allowed ? string.Join(", ", allowed) : "nothing") + ".");
}
