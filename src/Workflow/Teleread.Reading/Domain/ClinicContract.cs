namespace Teleread.Reading.Domain;

/// <summary>The reading terms a clinic signed: its SLA and whether reports need a second reading or a QA check.</summary>
public sealed record ClinicContract(string ContractNumber, DateOnly StartsOn, SlaTerms Sla, bool RequiresSecondReading, bool RequiresQaCheck);
