namespace Teleread.Reading.Domain;

/// <summary>Everything that can be asked of a reading request; each is legal in the states the transition table lists.</summary>
public enum ReadingCommand
{
    CompleteImages,
    LateImages,
    Enqueue,
    Assign,
    Claim,
    Reassign,
    Release,
    StartReading,
    SubmitPreliminary,
    SendToSecondReading,
    SendToQaCheck,
    ReturnForCorrection,
    Finalize,
    Deliver,
    Acknowledge,
    AddAddendum,
    Cancel,

    /// <summary>The clinic's own request replaces the details of one opened from images (before a radiologist has it).</summary>
    SupplyDetails,

    /// <summary>Only the first timeline entry of a request opened from images; never a command anyone can ask.</summary>
    CreateFromImages,
}
