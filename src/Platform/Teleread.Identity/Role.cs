namespace Teleread.Identity;

/// <summary>Who a user is to the service. Clinic users always belong to exactly one clinic (tenant).</summary>
public enum Role
{
    ClinicUser,
    Radiologist,
    Operator,
}
