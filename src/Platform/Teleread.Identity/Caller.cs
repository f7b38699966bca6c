namespace Teleread.Identity;

/// <summary>
/// The authenticated party of one request or association. Every query is scoped through it:
/// a clinic user or clinic device sees only <see cref="ClinicId"/>; a radiologist only what is assigned;
/// an operator everything.
/// </summary>
public sealed record Caller(string UserId, string Login, Role Role, string? ClinicId)
{
    public bool IsOperator => Role == Role.Operator;

    /// <summary>True when the caller may see data owned by <paramref name="clinicId"/> without an assignment check.</summary>
    public bool CanSeeClinic(string clinicId) => IsOperator || (Role == Role.ClinicUser && ClinicId == clinicId);
}
