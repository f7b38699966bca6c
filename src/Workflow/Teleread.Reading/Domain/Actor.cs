namespace Teleread.Reading.Domain;

/// <summary>Who did something: a user id (a radiologist's id for radiologists) and the role they acted in.</summary>
public sealed record Actor(string Id, ActorRole Role)
{
    public static readonly Actor System = new("system", ActorRole.System);

    public override string ToString() => $"{Role}:{Id}";
}
