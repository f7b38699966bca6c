namespace Teleread.Data;

/// <summary>A module's migrations; each feature owns its tables and ships them beside its code.</summary>
public interface IMigrationSource
{
    string Module { get; }

    IReadOnlyList<Migration> GetMigrations(SqlDialectKind dialect);
}
