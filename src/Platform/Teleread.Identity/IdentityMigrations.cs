using Teleread.Data;

namespace Teleread.Identity;

public static class IdentityMigrations
{
    public static IMigrationSource Source { get; } = new EmbeddedSqlMigrations(typeof(IdentityMigrations).Assembly, "identity");
}
