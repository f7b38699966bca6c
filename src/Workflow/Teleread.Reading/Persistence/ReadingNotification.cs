namespace Teleread.Reading.Persistence;

/// <summary>
/// One message in an inbox: operators share one, each radiologist has their own. It stays until someone acknowledges
/// it; <see cref="AcknowledgedBy"/> is the user id that did.
/// </summary>
public sealed record ReadingNotification(
    Guid Id,
    Guid RequestId,
    string ClinicId,
    NotificationKind Kind,
    NotificationAudience Audience,
    string? RadiologistId,
    DateTimeOffset At,
    string Message,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null)
{
    public static ReadingNotification ForOperators(Guid requestId, string clinicId, NotificationKind kind, DateTimeOffset at, string message) =>
        new(Guid.NewGuid(), requestId, clinicId, kind, NotificationAudience.Operators, null, at, message);

    public static ReadingNotification ForRadiologist(string radiologistId, Guid requestId, string clinicId, NotificationKind kind, DateTimeOffset at, string message) =>
        new(Guid.NewGuid(), requestId, clinicId, kind, NotificationAudience.Radiologist, radiologistId, at, message);
}
