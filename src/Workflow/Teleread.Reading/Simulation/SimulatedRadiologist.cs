using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>A roster entry: the profile the engine sees, and a speed factor (1.0 = reference; 1.2 = 20% slower).</summary>
public sealed record SimulatedRadiologist(RadiologistProfile Profile, double SpeedFactor);
