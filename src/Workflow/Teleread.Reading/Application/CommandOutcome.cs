using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>A use case's result: the request as it now is, or the error that refused the change.</summary>
public sealed record CommandOutcome(ReadingRequest? Request, ReadingError? Error, string? Message)
{
    public bool Succeeded => Error is null;

    public static CommandOutcome Ok(ReadingRequest request) => new(request, null, null);

    public static CommandOutcome Fail(ReadingError error, string message) => new(null, error, message);

    public static CommandOutcome From(TransitionResult result, ReadingRequest request) =>
        result.IsAccepted ? Ok(request) : Fail(result.Error!.Value, result.Message!);
}
