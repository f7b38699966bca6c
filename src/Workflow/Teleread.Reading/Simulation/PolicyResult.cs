namespace Teleread.Reading.Simulation;

/// <summary>Outcome of one dispatch policy over a run.</summary>
/// <param name="Utilisation">Reading time ÷ rostered time within the simulated days (0–1).</param>
/// <param name="LeastUtilisedRadiologist">Lowest individual utilisation (0–1): how evenly work was spread.</param>
/// <param name="MostUtilisedRadiologist">Highest individual utilisation (0–1).</param>
public sealed record PolicyResult(
    PriorityStats Urgent,
    PriorityStats SameDay,
    PriorityStats Routine,
    double Utilisation,
    double LeastUtilisedRadiologist,
    double MostUtilisedRadiologist);
