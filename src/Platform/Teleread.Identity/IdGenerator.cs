namespace Teleread.Identity;

/// <summary>Identifiers are version-7 GUIDs: unique across nodes and roughly time-ordered for index locality.</summary>
public static class IdGenerator
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
