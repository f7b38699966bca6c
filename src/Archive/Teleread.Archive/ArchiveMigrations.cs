using Teleread.Data;

namespace Teleread.Archive;

public static class ArchiveMigrations
{
    public static IMigrationSource Source { get; } = new EmbeddedSqlMigrations(typeof(ArchiveMigrations).Assembly, "archive");
}
