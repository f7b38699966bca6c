namespace Teleread.Reading.Domain;

/// <summary>The reading terms a clinic signed: its SLA and whether reports need a second reading or a QA check.</summary>
/// <param name="CreateRequestsFromImages">
/// When true (the default) images of a study the clinic filed no request for open one by themselves (from the header),
/// so every study the clinic sends is read.
/// </param>
/// <param name="ImageOnlyPriority">The priority (and so the SLA deadline) of a request opened from images alone.</param>
public sealed record ClinicContract(string ContractNumber, DateOnly StartsOn, SlaTerms Sla, bool RequiresSecondReading, bool RequiresQaCheck,
    bool CreateRequestsFromImages = true, ReadingPriority ImageOnlyPriority = ReadingPriority.Routine);
