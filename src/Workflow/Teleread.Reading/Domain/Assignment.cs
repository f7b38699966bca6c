namespace Teleread.Reading.Domain;

public sealed record Assignment(Guid RequestId, string RadiologistId, DateTimeOffset ExpectedStart, DateTimeOffset ExpectedFinish, bool MeetsDeadline);
