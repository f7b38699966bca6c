namespace Teleread.Reading.Domain;

/// <summary>The escalation ladder before a deadline: first tell the operators, then take the case back.</summary>
public enum EscalationStep
{
    Alert,
    Reassign,
}
