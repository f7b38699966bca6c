namespace Teleread.Data;

/// <summary>The SQL dialects Teleread speaks. Each has exactly one provider project.</summary>
public enum SqlDialectKind
{
    Sqlite,
    Postgres,
}
