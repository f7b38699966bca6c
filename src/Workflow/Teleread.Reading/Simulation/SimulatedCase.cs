using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>One arriving request: when, what, how urgent, its deadline and how long a reference reader needs for it.</summary>
public sealed record SimulatedCase(
    int Number,
    Guid Id,
    DateTimeOffset ArrivedAt,
    ImagingModality Modality,
    BodyRegion Region,
    ReadingPriority Priority,
    DateTimeOffset Deadline,
    double BaseReadingMinutes);
