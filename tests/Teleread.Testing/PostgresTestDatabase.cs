using Npgsql;

namespace Teleread.Testing;

/// <summary>
/// A fresh PostgreSQL database per test class, dropped afterwards. The server is the one .ci/prepare
/// starts on loopback; TELEREAD_TEST_POSTGRES names it. Missing: the test fails (never skips).
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string admin, string name, string connectionString)
    {
        _adminConnectionString = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        // ./test sets TELEREAD_TEST_POSTGRES; the default is what .ci/prepare creates, so an IDE run works too.
        var admin = Environment.GetEnvironmentVariable("TELEREAD_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=teleread;Password=teleread;Database=postgres";
        var name = "teleread_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            try
            {
                await c.OpenAsync();
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException("PostgreSQL for tests is not reachable: run the tests through ./test (it starts PostgreSQL on loopback via .ci/prepare).", ex);
            }

            // template0 is never connected to, so parallel test projects cannot trip over
            // "source database is being accessed by other users".
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new PostgresTestDatabase(admin, name, cs);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(_adminConnectionString);
        await c.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", c);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // A backend the role may not signal (an autovacuum worker without pg_signal_backend) is in the database; it leaves soon.
                await Task.Delay(250);
            }
        }
    }
}
