namespace Teleread.Reading.Simulation;

/// <summary>The engine and the FIFO baseline over the same arrivals and reading times.</summary>
public sealed record SimulationReport(string Scenario, int Days, ulong Seed, int Cases, int Radiologists, PolicyResult Engine, PolicyResult Fifo);
