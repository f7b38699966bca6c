using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>Settings of the reading workflow (section <c>Teleread:Reading</c>; see docs/configuration.md).</summary>
public sealed record ReadingOptions
{
    /// <summary>How long a reader's lock lasts without renewal; after that another radiologist may take the case.</summary>
    public TimeSpan LockTtl { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after a reader's lock lapsed (no renewal: browser closed, connection lost) the case goes back to the
    /// pool, so that nothing stays stuck with a reader who is gone.
    /// </summary>
    public TimeSpan LapsedLockGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A study with no new image for this long is complete (unless the clinic marks it complete first).</summary>
    public TimeSpan StudyStableFor { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a worker owns a due escalation timer before another worker may take it over.</summary>
    public TimeSpan EscalationLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Pause between rounds of the background worker.</summary>
    public TimeSpan WorkerInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Expected reading minutes per modality, used by the engine for load and shift fit.</summary>
    public IReadOnlyDictionary<ImagingModality, double> ExpectedReadingMinutes { get; init; } = new Dictionary<ImagingModality, double>
    {
        [ImagingModality.CT] = 12,
        [ImagingModality.MR] = 16,
        [ImagingModality.XRay] = 4,
        [ImagingModality.Mammography] = 6,
        [ImagingModality.Ultrasound] = 8,
        [ImagingModality.NuclearMedicine] = 15,
    };

    public double ExpectedMinutes(ImagingModality m) => ExpectedReadingMinutes.TryGetValue(m, out var v) ? v : 10;
}
