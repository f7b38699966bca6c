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
}
