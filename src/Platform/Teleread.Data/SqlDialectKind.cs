namespace Teleread.Data;

/// <summary>The SQL dialects Teleread speaks. Each has exactly one provider project.</summary>
public enum SqlDialectKind
{
    Sqlite,
    Postgres,
}

/// <summary>Clauses that differ between the dialects.</summary>
public static class SqlDialectKindExtensions
{
    /// <summary>
    /// Appended to a SELECT inside a read-write unit of work that decides from the rows it reads: on PostgreSQL (READ COMMITTED)
    /// <c>FOR UPDATE</c> locks them until the transaction ends, so nobody changes them between the read and the write, and a
    /// writer already holding them is waited for and its result read. SQLite has no row locks and needs none: a read-write unit of
    /// work there begins with the database's one write lock (<c>BEGIN IMMEDIATE</c>).
    /// </summary>
    public static string ForUpdate(this SqlDialectKind dialect) => dialect == SqlDialectKind.Postgres ? " FOR UPDATE" : "";

    /// <summary>
    /// As <see cref="ForUpdate"/> for rows a unit of work decides from without changing them: on PostgreSQL <c>FOR SHARE</c>
    /// waits for a writer holding them and keeps writers out until the transaction ends (readers that share are not blocked).
    /// </summary>
    public static string ForShare(this SqlDialectKind dialect) => dialect == SqlDialectKind.Postgres ? " FOR SHARE" : "";
}
