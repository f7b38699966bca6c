namespace Teleread.Reading.Domain;

/// <summary>
/// When a request is at risk and what to do then. Each priority has two lead times before the deadline: at the
/// first the operators are alerted, at the second a case nobody has started reading (or whose reader's lock has
/// lapsed) is taken back and reassigned. A case someone is actively reading is never taken away, only alerted.
/// </summary>
public sealed record EscalationPolicy(
    TimeSpan UrgentAlertLead,
    TimeSpan UrgentReassignLead,
    TimeSpan SameDayAlertLead,
    TimeSpan SameDayReassignLead,
    TimeSpan RoutineAlertLead,
    TimeSpan RoutineReassignLead)
{
    public static EscalationPolicy Default { get; } = new(
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20),
        TimeSpan.FromHours(2), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromHours(3));

    public IReadOnlyList<EscalationTimer> Schedule(ReadingRequest request)
    {
        var (alert, reassign) = Leads(request.Details.Priority);
        return
        [
            new EscalationTimer(request.Id, EscalationStep.Alert, Max(request.ReceivedAt, request.Deadline - alert)),
            new EscalationTimer(request.Id, EscalationStep.Reassign, Max(request.ReceivedAt, request.Deadline - reassign)),
        ];
    }

    public EscalationDecision Decide(EscalationStep step, ReadingRequest request, DateTimeOffset now)
    {
        if (request.IsReported || request.State == ReadingState.Cancelled)
        {
            return new EscalationDecision(EscalationAction.None, $"request is {request.State}");
        }

        if (step == EscalationStep.Alert)
        {
            return new EscalationDecision(EscalationAction.Alert, $"deadline {request.Deadline:O} at risk while {request.State}");
        }

        return request.State switch
        {
            ReadingState.Assigned => new EscalationDecision(EscalationAction.AlertAndReassign,
                $"{request.AssignedRadiologistId} has not started; deadline {request.Deadline:O}"),
            ReadingState.Reading when !request.IsLockHeldAt(now) => new EscalationDecision(EscalationAction.AlertAndReassign,
                $"reading lock of {request.AssignedRadiologistId} lapsed; deadline {request.Deadline:O}"),
            _ => new EscalationDecision(EscalationAction.Alert, $"deadline {request.Deadline:O} at risk while {request.State}"),
        };
    }

    private (TimeSpan Alert, TimeSpan Reassign) Leads(ReadingPriority priority) => priority switch
    {
        ReadingPriority.Urgent => (UrgentAlertLead, UrgentReassignLead),
        ReadingPriority.SameDay => (SameDayAlertLead, SameDayReassignLead),
        _ => (RoutineAlertLead, RoutineReassignLead),
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
