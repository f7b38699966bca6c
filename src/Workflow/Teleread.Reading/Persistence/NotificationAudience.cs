namespace Teleread.Reading.Persistence;

/// <summary>Who a notification is for: every operator (one shared inbox), or one radiologist.</summary>
public enum NotificationAudience
{
    Operators,
    Radiologist,
}
