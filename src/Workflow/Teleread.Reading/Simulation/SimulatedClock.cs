namespace Teleread.Reading.Simulation;

/// <summary>The simulator's clock: time jumps from event to event.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant < Now)
        {
            throw new InvalidOperationException($"The simulated clock cannot go back from {Now:O} to {instant:O}.");
        }

        Now = instant;
    }
}
