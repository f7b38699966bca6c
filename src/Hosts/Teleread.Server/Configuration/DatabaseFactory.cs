using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Data.Sqlite;

namespace Teleread.Server.Configuration;

public static class DatabaseFactory
{
    public static IDatabase Create(TelereadOptions options) => options.Database.Provider switch
    {
        "postgres" => new PostgresDatabase(options.Database.ConnectionString
            ?? throw new InvalidOperationException("Teleread:Database:ConnectionString is required when Provider is 'postgres'.")),
        _ => new SqliteDatabase(Path.Combine(options.DataDirectory, "teleread.db")),
    };
}
