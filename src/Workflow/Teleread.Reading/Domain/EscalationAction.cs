namespace Teleread.Reading.Domain;

public enum EscalationAction
{
    None,
    Alert,
    AlertAndReassign,
}
