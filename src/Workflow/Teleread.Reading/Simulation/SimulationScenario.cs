using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>Everything a simulation run depends on besides the seed.</summary>
/// <param name="Start">Local midnight (in the SLA's time zone) where the simulated days begin.</param>
/// <param name="HourlyWeights">Relative arrival intensity for each hour of the day (24 values), by local time.</param>
/// <param name="DayWeights">Relative arrival volume per day of week (index = DayOfWeek).</param>
/// <param name="TargetUtilisation">Arrival volume is scaled so the offered reading work is this share of rostered time.</param>
public sealed record SimulationScenario(
    string Name,
    DateTimeOffset Start,
    int Days,
    SlaTerms Sla,
    IReadOnlyList<double> HourlyWeights,
    IReadOnlyList<double> DayWeights,
    IReadOnlyList<ModalityMix> Modalities,
    double UrgentShare,
    double SameDayShare,
    IReadOnlyList<SimulatedRadiologist> Roster,
    double TargetUtilisation,
    string ClinicId);
