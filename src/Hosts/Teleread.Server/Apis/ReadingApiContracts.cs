using Teleread.Reading.Domain;

namespace Teleread.Server.Apis;

/// <summary>Request and response bodies of <see cref="ReadingApi"/>.</summary>
public static class ReadingApiContracts
{
    public sealed record CreateRequestBody(
        string? ClinicId,
        string PatientId,
        string StudyReference,
        string ClinicalQuestion,
        ImagingModality Modality,
        BodyRegion BodyRegion,
        ReadingPriority Priority,
        string RequestingDoctor,
        IReadOnlyList<Attachment>? Attachments,
        IReadOnlyList<string>? PriorStudyReferences,
        Subspecialty? RequiredSubspecialty,
        bool AskForSecondReading,
        string? ReportLanguage = null);

    /// <param name="ExpectedVersion">The version the caller saw; the command is refused with 409 if the request changed since.</param>
    public sealed record CommandBody(string? Reason, string? RadiologistId, int? ExpectedVersion);

    public sealed record TimelineEntry(int Sequence, ReadingState From, ReadingCommand Command, ReadingState To, string ActorId, ActorRole ActorRole,
        DateTimeOffset At, string Reason, string? RadiologistId);

    /// <param name="AlertAt">When the escalation policy (the one ReadingSetup registers) alerts the operators: the case is at risk from then on.</param>
    public sealed record RequestView(
        Guid Id,
        string ClinicId,
        string PatientId,
        string StudyReference,
        ReadingRequestDetails Details,
        ReadingState State,
        DateTimeOffset ReceivedAt,
        DateTimeOffset Deadline,
        DateTimeOffset AlertAt,
        string? AssignedRadiologistId,
        string? SecondReaderId,
        bool RequiresSecondReading,
        bool RequiresQaCheck,
        int AddendumCount,
        string? LockHolder,
        DateTimeOffset? LockExpiresAt,
        int Version,
        IReadOnlyList<ReadingCommand> AllowedCommands,
        IReadOnlyList<TimelineEntry> Timeline,
        RequestOrigin Origin)
    {
        public static RequestView Of(ReadingRequest r) => new(r.Id, r.ClinicId, r.PatientId, r.StudyReference, r.Details, r.State, r.ReceivedAt,
            r.Deadline, EscalationPolicy.Default.Schedule(r).Min(t => t.DueAt), r.AssignedRadiologistId, r.SecondReaderId, r.RequiresSecondReading, r.RequiresQaCheck, r.AddendumCount, r.LockHolder,
            r.LockExpiresAt, r.Version, [.. ReadingTransitionTable.AllowedCommands(r.State).Where(c => c != ReadingCommand.SupplyDetails)],
            r.Timeline.Select(Entry).ToList(), r.Origin);

        private static TimelineEntry Entry(ReadingTransition t) =>
            new(t.Sequence, t.From, t.Command, t.To, t.Actor.Id, t.Actor.Role, t.At, t.Reason, t.RadiologistId);
    }

    /// <summary>Images of a study reached the archive (the ingest path reports it in process; operators may too).</summary>
    public sealed record ImagesArrivedBody(string ClinicId, string StudyReference, int Count);

    public sealed record ClinicName(string Id, string Name);

    public sealed record TransitionView(ReadingState From, ReadingCommand Command, ReadingState To);
}
