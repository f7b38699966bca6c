namespace Teleread.Reading.Domain;

public enum ActorRole
{
    System,
    ClinicUser,
    Radiologist,
    Operator,
}
