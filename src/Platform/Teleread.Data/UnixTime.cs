namespace Teleread.Data;

/// <summary>
/// Instants are stored as BIGINT milliseconds since the Unix epoch (UTC) in every dialect: one
/// representation that sorts, compares and indexes the same in SQLite and PostgreSQL.
/// </summary>
public static class UnixTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
