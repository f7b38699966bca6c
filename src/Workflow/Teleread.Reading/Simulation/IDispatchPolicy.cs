namespace Teleread.Reading.Simulation;

/// <summary>Decides, at one instant, which waiting cases idle radiologists start now.</summary>
public interface IDispatchPolicy
{
    string Name { get; }

    IReadOnlyList<(SimulatedCase Case, RadiologistState Radiologist)> Dispatch(
        IReadOnlyList<SimulatedCase> waitingInArrivalOrder, IReadOnlyList<RadiologistState> roster, DateTimeOffset now);
}
