using System.Collections.Frozen;

namespace Teleread.Reading.Domain;

/// <summary>
/// The lifecycle as data: every (state, command) pair listed here moves to the given state; every pair not
/// listed is rejected with <see cref="ReadingError.IllegalTransition"/>. Guards that depend on the request
/// (second reading required, the right radiologist) are applied by <see cref="ReadingRequest"/> on top.
/// </summary>
public static class ReadingTransitionTable
{
    private static readonly FrozenDictionary<(ReadingState, ReadingCommand), ReadingState> Table = new Dictionary<(ReadingState, ReadingCommand), ReadingState>
    {
        [(ReadingState.Received, ReadingCommand.CompleteImages)] = ReadingState.ImagesComplete,
        [(ReadingState.Received, ReadingCommand.LateImages)] = ReadingState.Received,
        [(ReadingState.Received, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        // The clinic's details replace those taken from the images while no radiologist has the case.
        [(ReadingState.Received, ReadingCommand.SupplyDetails)] = ReadingState.Received,
        [(ReadingState.ImagesComplete, ReadingCommand.SupplyDetails)] = ReadingState.ImagesComplete,
        [(ReadingState.Queued, ReadingCommand.SupplyDetails)] = ReadingState.Queued,

        [(ReadingState.ImagesComplete, ReadingCommand.LateImages)] = ReadingState.Received,
        [(ReadingState.ImagesComplete, ReadingCommand.Enqueue)] = ReadingState.Queued,
        [(ReadingState.ImagesComplete, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        [(ReadingState.Queued, ReadingCommand.LateImages)] = ReadingState.Received,
        [(ReadingState.Queued, ReadingCommand.Assign)] = ReadingState.Assigned,
        [(ReadingState.Queued, ReadingCommand.Claim)] = ReadingState.Reading,
        [(ReadingState.Queued, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        // Late images do not take a case away from the radiologist who holds it; the timeline shows them.
        [(ReadingState.Assigned, ReadingCommand.LateImages)] = ReadingState.Assigned,
        [(ReadingState.Assigned, ReadingCommand.Reassign)] = ReadingState.Assigned,
        [(ReadingState.Assigned, ReadingCommand.Release)] = ReadingState.Queued,
        [(ReadingState.Assigned, ReadingCommand.StartReading)] = ReadingState.Reading,
        [(ReadingState.Assigned, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        [(ReadingState.Reading, ReadingCommand.LateImages)] = ReadingState.Reading,
        [(ReadingState.Reading, ReadingCommand.Reassign)] = ReadingState.Assigned,
        [(ReadingState.Reading, ReadingCommand.Release)] = ReadingState.Queued,
        [(ReadingState.Reading, ReadingCommand.SubmitPreliminary)] = ReadingState.Preliminary,
        [(ReadingState.Reading, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        // A report written before all images arrived goes back to its reader.
        [(ReadingState.Preliminary, ReadingCommand.LateImages)] = ReadingState.Reading,
        [(ReadingState.Preliminary, ReadingCommand.SendToSecondReading)] = ReadingState.SecondReading,
        [(ReadingState.Preliminary, ReadingCommand.SendToQaCheck)] = ReadingState.QaCheck,
        [(ReadingState.Preliminary, ReadingCommand.ReturnForCorrection)] = ReadingState.Reading,
        [(ReadingState.Preliminary, ReadingCommand.Finalize)] = ReadingState.Final,
        [(ReadingState.Preliminary, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        [(ReadingState.SecondReading, ReadingCommand.LateImages)] = ReadingState.Reading,
        [(ReadingState.SecondReading, ReadingCommand.ReturnForCorrection)] = ReadingState.Reading,
        [(ReadingState.SecondReading, ReadingCommand.SendToQaCheck)] = ReadingState.QaCheck,
        [(ReadingState.SecondReading, ReadingCommand.Finalize)] = ReadingState.Final,
        [(ReadingState.SecondReading, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        [(ReadingState.QaCheck, ReadingCommand.LateImages)] = ReadingState.Reading,
        [(ReadingState.QaCheck, ReadingCommand.ReturnForCorrection)] = ReadingState.Reading,
        [(ReadingState.QaCheck, ReadingCommand.Finalize)] = ReadingState.Final,
        [(ReadingState.QaCheck, ReadingCommand.Cancel)] = ReadingState.Cancelled,

        // After a final report only addenda change it; an addendum must be delivered again.
        [(ReadingState.Final, ReadingCommand.Deliver)] = ReadingState.Delivered,
        [(ReadingState.Final, ReadingCommand.AddAddendum)] = ReadingState.Final,
        [(ReadingState.Delivered, ReadingCommand.Acknowledge)] = ReadingState.Acknowledged,
        [(ReadingState.Delivered, ReadingCommand.AddAddendum)] = ReadingState.Final,
        [(ReadingState.Acknowledged, ReadingCommand.AddAddendum)] = ReadingState.Final,
    }.ToFrozenDictionary();

    public static bool TryGetTarget(ReadingState from, ReadingCommand command, out ReadingState to) =>
        Table.TryGetValue((from, command), out to);

    public static IReadOnlyList<ReadingCommand> AllowedCommands(ReadingState from) =>
        Enum.GetValues<ReadingCommand>().Where(c => Table.ContainsKey((from, c))).ToList();

    public static IEnumerable<(ReadingState From, ReadingCommand Command, ReadingState To)> Transitions =>
        Table.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value));
}
