namespace Teleread.Reading.Domain;

public sealed record UnassignedCase(Guid RequestId, string Reason);
