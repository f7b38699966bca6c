using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>Share of arrivals for one modality, its body regions, its log-normal reading time, and whether it is only ever routine (screening).</summary>
public sealed record ModalityMix(ImagingModality Modality, double Share, IReadOnlyList<(BodyRegion Region, double Share)> Regions,
    double MeanReadingMinutes, double ReadingTimeCv, bool RoutineOnly);
