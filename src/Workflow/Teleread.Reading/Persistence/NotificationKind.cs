namespace Teleread.Reading.Persistence;

/// <summary>Why someone is told about a case: its deadline is near, has passed, or the case changed hands.</summary>
public enum NotificationKind
{
    AtRisk,
    Overdue,
    Reassigned,
    ReleasedToPool,
}
