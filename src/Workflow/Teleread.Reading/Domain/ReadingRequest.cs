namespace Teleread.Reading.Domain;

/// <summary>
/// A reading request (依頼) for one study of one patient at one clinic, with its SLA deadline and lifecycle.
/// All state changes go through <see cref="Apply"/>, which consults <see cref="ReadingTransitionTable"/>,
/// records a timeline entry and bumps <see cref="Version"/> (used for optimistic concurrency when saved).
/// </summary>
public sealed class ReadingRequest
{
    private readonly List<ReadingTransition> _timeline;

    private ReadingRequest(Guid id, string clinicId, string patientId, string studyReference, ReadingRequestDetails details,
        DateTimeOffset receivedAt, DateTimeOffset deadline, bool requiresSecondReading, bool requiresQaCheck, List<ReadingTransition> timeline)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        StudyReference = studyReference;
        Details = details;
        ReceivedAt = receivedAt;
        Deadline = deadline;
        RequiresSecondReading = requiresSecondReading;
        RequiresQaCheck = requiresQaCheck;
        LastImageAt = receivedAt;
        _timeline = timeline;
    }

    public Guid Id { get; }
    public string ClinicId { get; }
    public string PatientId { get; private set; }
    public string StudyReference { get; }
    public ReadingRequestDetails Details { get; private set; }
    public DateTimeOffset ReceivedAt { get; }
    public DateTimeOffset Deadline { get; private set; }
    public bool RequiresSecondReading { get; private set; }
    public bool RequiresQaCheck { get; }

    /// <summary>Images: opened by the system from images nobody filed a request for; the clinic's own request replaces its details.</summary>
    public RequestOrigin Origin { get; private set; } = RequestOrigin.Clinic;

    public ReadingState State { get; private set; } = ReadingState.Received;
    public string? AssignedRadiologistId { get; private set; }
    public string? SecondReaderId { get; private set; }
    public bool SecondReadingDone { get; private set; }
    public bool QaCheckDone { get; private set; }
    public int AddendumCount { get; private set; }
    public DateTimeOffset LastImageAt { get; private set; }
    public string? LockHolder { get; private set; }
    public DateTimeOffset? LockExpiresAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<ReadingTransition> Timeline => _timeline;

    /// <summary>False for a request read as a list row without its timeline.</summary>
    public bool TimelineLoaded { get; private init; } = true;

    /// <summary>
    /// What a radiologist does to their own case; the domain refuses it from anyone but <see cref="CurrentReader"/>, checked on the
    /// state the command is applied to (so a command decided on a stale read, e.g. after the case was reassigned, is refused).
    /// </summary>
    public static IReadOnlySet<ReadingCommand> ReaderCommands { get; } = new HashSet<ReadingCommand>
    {
        ReadingCommand.StartReading, ReadingCommand.SubmitPreliminary, ReadingCommand.Release, ReadingCommand.SendToQaCheck,
        ReadingCommand.ReturnForCorrection, ReadingCommand.Finalize, ReadingCommand.AddAddendum,
    };

    /// <summary>The radiologist whose turn it is: the second reader during a second reading, the assigned radiologist otherwise.</summary>
    public string? CurrentReader => State == ReadingState.SecondReading ? SecondReaderId : AssignedRadiologistId;

    /// <summary>True once a report exists that the clinic may see (final or later).</summary>
    public bool IsReported => State is ReadingState.Final or ReadingState.Delivered or ReadingState.Acknowledged;

    public static ReadingRequest Receive(Guid id, string clinicId, string patientId, string studyReference, ReadingRequestDetails details,
        DateTimeOffset receivedAt, DateTimeOffset deadline, bool requiresSecondReading, bool requiresQaCheck)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clinicId);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(studyReference);
        if (deadline < receivedAt)
        {
            throw new ArgumentException($"Deadline {deadline:O} is before the request was received ({receivedAt:O}).", nameof(deadline));
        }

        return new ReadingRequest(id, clinicId, patientId, studyReference, details, receivedAt, deadline, requiresSecondReading, requiresQaCheck, []);
    }

    /// <summary>
    /// Opens a request for a study whose images arrived without one, with details taken from the images; the first timeline
    /// entry says so and names the channel (e.g. "C-STORE").
    /// </summary>
    public static ReadingRequest ReceiveFromImages(Guid id, string clinicId, string patientId, string studyReference, ReadingRequestDetails details,
        DateTimeOffset receivedAt, DateTimeOffset deadline, bool requiresSecondReading, bool requiresQaCheck, string channel)
    {
        var request = Receive(id, clinicId, patientId, studyReference, details, receivedAt, deadline, requiresSecondReading, requiresQaCheck);
        request.Origin = RequestOrigin.Images;
        request._timeline.Add(new ReadingTransition(1, ReadingState.Received, ReadingCommand.CreateFromImages, ReadingState.Received, Actor.System,
            receivedAt, $"created from images received by {channel}; no request from the clinic yet", null));
        return request;
    }

    /// <summary>
    /// The clinic's own request for a study that was opened from its images: its patient ID, details, deadline and second-reading
    /// wish replace those taken from the header, while no radiologist has the case (the transition table's SupplyDetails).
    /// </summary>
    public TransitionResult SupplyDetails(string patientId, ReadingRequestDetails details, DateTimeOffset deadline, bool requiresSecondReading, CommandContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        var result = Apply(ReadingCommand.SupplyDetails, context);
        if (result.IsAccepted)
        {
            PatientId = patientId;
            Details = details;
            Deadline = deadline;
            RequiresSecondReading = requiresSecondReading;
            Origin = RequestOrigin.Clinic;
        }

        return result;
    }

    /// <summary>
    /// Rebuilds a request from storage; the caller vouches that the values were produced by this class.
    /// <paramref name="timelineLoaded"/> false marks a summary (a list row) that must not be saved.
    /// </summary>
    public static ReadingRequest Restore(ReadingRequestSnapshot s, bool timelineLoaded = true) =>
        new(s.Id, s.ClinicId, s.PatientId, s.StudyReference, s.Details, s.ReceivedAt, s.Deadline, s.RequiresSecondReading, s.RequiresQaCheck, [.. s.Timeline])
        {
            TimelineLoaded = timelineLoaded,
            Origin = s.Origin,
            State = s.State,
            AssignedRadiologistId = s.AssignedRadiologistId,
            SecondReaderId = s.SecondReaderId,
            SecondReadingDone = s.SecondReadingDone,
            QaCheckDone = s.QaCheckDone,
            AddendumCount = s.AddendumCount,
            LastImageAt = s.LastImageAt,
            LockHolder = s.LockHolder,
            LockExpiresAt = s.LockExpiresAt,
            Version = s.Version,
        };

    public ReadingRequestSnapshot ToSnapshot() => new(Id, ClinicId, PatientId, StudyReference, Details, ReceivedAt, Deadline,
        RequiresSecondReading, RequiresQaCheck, State, AssignedRadiologistId, SecondReaderId, SecondReadingDone, QaCheckDone,
        AddendumCount, LastImageAt, LockHolder, LockExpiresAt, Version, [.. _timeline], Origin);

    public TransitionResult Apply(ReadingCommand command, CommandContext context)
    {
        if (!ReadingTransitionTable.TryGetTarget(State, command, out var target))
        {
            return TransitionResult.Illegal(State, command);
        }

        if (Guard(command, context) is { } rejection)
        {
            return rejection;
        }

        var from = State;
        Effect(command, context, from);
        State = target;
        Version++;
        var transition = new ReadingTransition(_timeline.Count + 1, from, command, target, context.Actor, context.At, context.Reason,
            context.RadiologistId ?? AssignedRadiologistId);
        _timeline.Add(transition);
        return TransitionResult.Accepted(transition);
    }

    /// <summary>Takes or renews the one-reader-at-a-time lock; an expired lock is free for anyone.</summary>
    public LockOutcome TryLock(string radiologistId, DateTimeOffset now, TimeSpan ttl)
    {
        if (LockHolder is not null && LockHolder != radiologistId && LockExpiresAt > now)
        {
            return new LockOutcome(false, LockHolder, LockExpiresAt);
        }

        LockHolder = radiologistId;
        LockExpiresAt = now + ttl;
        Version++;
        return new LockOutcome(true, LockHolder, LockExpiresAt);
    }

    public bool IsLockHeldAt(DateTimeOffset now) => LockHolder is not null && LockExpiresAt > now;

    /// <summary>Images arrived after the request was received; moves the completeness clock, not the state.</summary>
    /// <summary>
    /// Images arrived after the study was complete. A late series arrives as hundreds of instances: the first records a
    /// <see cref="ReadingCommand.LateImages"/> transition, and images that follow it within <paramref name="sameBurst"/>,
    /// with nothing else recorded in between, only move the image clock.
    /// </summary>
    public TransitionResult RecordLateImages(CommandContext context, TimeSpan sameBurst)
    {
        if (_timeline.Count > 0 && _timeline[^1] is { Command: ReadingCommand.LateImages } last && last.To == State && context.At - last.At < sameBurst)
        {
            RecordImageArrival(context.At);
            return TransitionResult.Accepted(last);
        }

        return Apply(ReadingCommand.LateImages, context);
    }

    public void RecordImageArrival(DateTimeOffset at)
    {
        if (at > LastImageAt)
        {
            LastImageAt = at;
            Version++;
        }
    }

    private TransitionResult? Guard(ReadingCommand command, CommandContext c)
    {
        var radiologistActsForSelf = c.Actor.Role == ActorRole.Radiologist;
        switch (command)
        {
            case ReadingCommand.Assign or ReadingCommand.Claim or ReadingCommand.Reassign or ReadingCommand.SendToSecondReading
                when string.IsNullOrWhiteSpace(c.RadiologistId):
                return TransitionResult.Rejected(ReadingError.RadiologistRequired, $"{command} needs the radiologist it names.");
            case ReadingCommand.Claim when radiologistActsForSelf && c.RadiologistId != c.Actor.Id:
                return TransitionResult.Rejected(ReadingError.NotTheAssignee, "A radiologist can claim a case only for themself.");
            case ReadingCommand.Claim when IsLockHeldAt(c.At) && LockHolder != c.RadiologistId:
                return TransitionResult.Rejected(ReadingError.LockedByAnother, $"The case is locked by {LockHolder} until {LockExpiresAt:O}.");
            case ReadingCommand.Reassign when c.RadiologistId == AssignedRadiologistId:
                return TransitionResult.Rejected(ReadingError.SameRadiologist, $"The case is already assigned to {c.RadiologistId}.");
            case var _ when radiologistActsForSelf && ReaderCommands.Contains(command) && c.Actor.Id != CurrentReader:
                return TransitionResult.Rejected(ReadingError.NotTheAssignee,
                    $"Only the current reader ({CurrentReader ?? "nobody"}) can {command} a request that is {State}; reload it if it changed hands.");
            case ReadingCommand.SendToSecondReading when c.RadiologistId == AssignedRadiologistId:
                return TransitionResult.Rejected(ReadingError.SecondReaderMustDiffer, "The second reader must be someone other than the first reader.");
            case ReadingCommand.Finalize when RequiresSecondReading && !SecondReadingDone && State != ReadingState.SecondReading:
                return TransitionResult.Rejected(ReadingError.SecondReadingRequired, "This request requires a second reading before the report is final.");
            case ReadingCommand.Finalize when RequiresQaCheck && State != ReadingState.QaCheck:
                return TransitionResult.Rejected(ReadingError.QaCheckRequired, "This request requires a QA check before the report is final.");
            case ReadingCommand.SendToQaCheck when RequiresSecondReading && !SecondReadingDone && State != ReadingState.SecondReading:
                return TransitionResult.Rejected(ReadingError.SecondReadingRequired, "This request requires a second reading before the QA check.");
            default:
                return null;
        }
    }

    private void Effect(ReadingCommand command, CommandContext c, ReadingState from)
    {
        switch (command)
        {
            case ReadingCommand.LateImages:
                LastImageAt = c.At > LastImageAt ? c.At : LastImageAt;
                if (from is ReadingState.Preliminary or ReadingState.SecondReading or ReadingState.QaCheck)
                {
                    SecondReadingDone = false;
                    QaCheckDone = false;
                }

                break;
            case ReadingCommand.Assign or ReadingCommand.Reassign:
                AssignedRadiologistId = c.RadiologistId;
                LockHolder = null;
                LockExpiresAt = null;
                break;
            case ReadingCommand.Claim:
                AssignedRadiologistId = c.RadiologistId;
                break;
            case ReadingCommand.Release:
                AssignedRadiologistId = null;
                LockHolder = null;
                LockExpiresAt = null;
                break;
            case ReadingCommand.SubmitPreliminary:
                LockHolder = null;
                LockExpiresAt = null;
                break;
            case ReadingCommand.SendToSecondReading:
                SecondReaderId = c.RadiologistId;
                break;
            case ReadingCommand.SendToQaCheck or ReadingCommand.Finalize when from == ReadingState.SecondReading:
                SecondReadingDone = true;
                break;
            case ReadingCommand.ReturnForCorrection:
                SecondReadingDone = false;
                QaCheckDone = false;
                break;
            case ReadingCommand.AddAddendum:
                AddendumCount++;
                break;
        }

        if (command == ReadingCommand.Finalize && from == ReadingState.QaCheck)
        {
            QaCheckDone = true;
        }

        if (command == ReadingCommand.Cancel)
        {
            LockHolder = null;
            LockExpiresAt = null;
        }
    }
}
