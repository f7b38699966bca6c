using System.Data.Common;
using Teleread.Data;

namespace Teleread.Archive.Index;

/// <summary>
/// "INSERT … VALUES (…), (…), … ON CONFLICT DO NOTHING" in chunks of rows, one prepared command per chunk size, the same
/// SQL in SQLite and PostgreSQL. PostgreSQL gains from large chunks (fewer round trips); SQLite binds parameters by name with
/// a linear search, so its chunks stay small.
/// </summary>
internal static class MultiRowInsert
{
    public static async Task RunAsync(DbConnection c, DbTransaction t, SqlDialectKind dialect, string table, IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var rowsPerStatement = dialect == SqlDialectKind.Sqlite ? 16 : 500;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                var fresh = command is null || command.Parameters.Count != count * columns.Count;
                if (fresh)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = Create(c, t, table, columns, count);
                }

                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    for (var col = 0; col < columns.Count; col++)
                    {
                        command!.Parameters[r * columns.Count + col].Value = row[col] ?? DBNull.Value;
                    }
                }

                if (fresh)
                {
                    // Prepared once values are set, so PostgreSQL infers each parameter's type from its first value.
                    await command!.PrepareAsync(ct).ConfigureAwait(false);
                }

                await command!.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Create(DbConnection c, DbTransaction t, string table, IReadOnlyList<string> columns, int count)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        var values = new System.Text.StringBuilder();
        for (var r = 0; r < count; r++)
        {
            values.Append(r == 0 ? "(" : ", (");
            for (var col = 0; col < columns.Count; col++)
            {
                var name = $"@p{r * columns.Count + col}";
                values.Append(col == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            values.Append(')');
        }

        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {values} ON CONFLICT DO NOTHING";
        return command;
    }
}
