using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Reading.Application;

/// <summary>
/// Who hears about an escalation: the operators always; the reader of the case when it is at risk; the old and the
/// new reader when it changes hands. Pure, so the processor can write the messages in the escalation's transaction.
/// </summary>
public static class EscalationNotices
{
    public static IReadOnlyList<ReadingNotification> For(ReadingRequest request, string? previousReader, EscalationDecision decision, string? newReader, DateTimeOffset now)
    {
        var list = new List<ReadingNotification>();
        if (decision.Action == EscalationAction.Alert)
        {
            var message = $"Deadline {request.Deadline:yyyy-MM-dd HH:mm} UTC at risk ({request.Details.Priority}, {request.State})";
            list.Add(ReadingNotification.ForOperators(request.Id, request.ClinicId, NotificationKind.AtRisk, now, message));
            if (request.CurrentReader is { } reader)
            {
                list.Add(ReadingNotification.ForRadiologist(reader, request.Id, request.ClinicId, NotificationKind.AtRisk, now, message));
            }
        }
        else if (decision.Action == EscalationAction.AlertAndReassign)
        {
            var kind = newReader is null ? NotificationKind.ReleasedToPool : NotificationKind.Reassigned;
            var message = newReader is null
                ? $"Taken from {previousReader} and returned to the pool: {decision.Why}"
                : $"Reassigned from {previousReader} to {newReader}: {decision.Why}";
            list.Add(ReadingNotification.ForOperators(request.Id, request.ClinicId, kind, now, message));
            if (previousReader is not null)
            {
                list.Add(ReadingNotification.ForRadiologist(previousReader, request.Id, request.ClinicId, kind, now, message));
            }

            if (newReader is not null)
            {
                list.Add(ReadingNotification.ForRadiologist(newReader, request.Id, request.ClinicId, kind, now,
                    $"Assigned to you by escalation; deadline {request.Deadline:yyyy-MM-dd HH:mm} UTC"));
            }
        }

        return list;
    }

    /// <summary>The deadline has passed on an open case: operators and its current reader.</summary>
    public static IReadOnlyList<ReadingNotification> Overdue(ReadingRequest request, DateTimeOffset now)
    {
        var message = $"Deadline {request.Deadline:yyyy-MM-dd HH:mm} UTC passed ({request.Details.Priority}, {request.State})";
        var reader = request.CurrentReader;
        return reader is null
            ? [ReadingNotification.ForOperators(request.Id, request.ClinicId, NotificationKind.Overdue, now, message)]
            : [ReadingNotification.ForOperators(request.Id, request.ClinicId, NotificationKind.Overdue, now, message),
               ReadingNotification.ForRadiologist(reader, request.Id, request.ClinicId, NotificationKind.Overdue, now, message)];
    }
}
