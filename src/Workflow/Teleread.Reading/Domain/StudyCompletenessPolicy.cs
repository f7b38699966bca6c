namespace Teleread.Reading.Domain;

/// <summary>A study is complete when no image has arrived for <see cref="StableFor"/> (or the clinic says so).</summary>
public sealed record StudyCompletenessPolicy(TimeSpan StableFor)
{
    public bool IsStable(ReadingRequest request, DateTimeOffset now) =>
        request.State == ReadingState.Received && now - request.LastImageAt >= StableFor;
}
