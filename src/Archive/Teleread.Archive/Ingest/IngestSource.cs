namespace Teleread.Archive.Ingest;

/// <summary>Who is storing: the clinic the instance belongs to, and through which door it came.</summary>
public sealed record IngestSource(string ClinicId, IngestOrigin Origin, string? CallingAeTitle = null, string? UserId = null);
