using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;

namespace Teleread.Data;

/// <summary>
/// Runs a statement through the connection's <see cref="StatementCache"/> when it has one (compiled once, re-bound each
/// time), or as a fresh command when it has none. For the statements run once per stored instance; everything else uses
/// Dapper. Parameters come from the public properties of <c>param</c> whose <c>@Name</c> appears in the SQL text. For
/// fixed SQL text only: a binder is kept per parameter type and text, so text built per call would grow without bound.
/// </summary>
public static class CachedStatements
{
    private static readonly ConcurrentDictionary<(Type, string), ParameterBinder> Binders = new();

    public static Task<int> ExecuteCachedAsync(this DbConnection connection, string sql, object param, DbTransaction transaction, CancellationToken ct) =>
        RunAsync(connection, sql, param, transaction, command => command.ExecuteNonQueryAsync(ct));

    /// <summary>The first row read by <paramref name="read"/>, or null when the query returns none.</summary>
    public static Task<T?> QueryFirstCachedAsync<T>(this DbConnection connection, string sql, object param, DbTransaction transaction, Func<DbDataReader, T> read, CancellationToken ct)
        where T : struct =>
        RunAsync<T?>(connection, sql, param, transaction, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? read(reader) : null;
        });

    /// <summary>Runs the bound command; a cached one that fails is forgotten (prepared anew next time), a fresh one is disposed.</summary>
    private static async Task<T> RunAsync<T>(DbConnection connection, string sql, object param, DbTransaction transaction, Func<DbCommand, Task<T>> run)
    {
        var (command, cache) = Command(connection, sql, param, transaction);
        try
        {
            return await run(command).ConfigureAwait(false);
        }
        catch
        {
            cache?.Forget(sql);
            throw;
        }
        finally
        {
            if (cache is null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static (DbCommand Command, StatementCache? Cache) Command(DbConnection connection, string sql, object param, DbTransaction transaction)
    {
        var binder = Binders.GetOrAdd((param.GetType(), sql), static key => new ParameterBinder(key.Item1, key.Item2));
        var cache = StatementCache.Of(connection);
        DbCommand command;
        var fresh = true;
        if (cache is not null)
        {
            command = cache.Get(sql, out fresh);
        }
        else
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }

        command.Transaction = transaction;
        binder.Bind(command, param, fresh);
        return (command, cache);
    }

    private sealed class ParameterBinder
    {
        private readonly (string Name, DbType Type, Func<object, object?> Get)[] _parameters;

        public ParameterBinder(Type type, string sql)
        {
            _parameters = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && Mentions(sql, p.Name))
                .Select(p => (p.Name, DbTypeOf(p.PropertyType), Getter(p)))];
        }

        public void Bind(DbCommand command, object param, bool fresh)
        {
            var existing = command.Parameters;
            if (!fresh && !BoundBefore(existing))
            {
                // Another parameter type ran this SQL last: bind from scratch.
                existing.Clear();
                fresh = true;
            }

            for (var i = 0; i < _parameters.Length; i++)
            {
                var (name, type, get) = _parameters[i];
                var value = get(param) switch
                {
                    null => DBNull.Value,
                    Enum e => Convert.ChangeType(e, e.GetTypeCode(), System.Globalization.CultureInfo.InvariantCulture), // its number, as Dapper stores it
                    var v => v,
                };
                if (!fresh)
                {
                    existing[i].Value = value;
                    continue;
                }

                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = type;
                parameter.Value = value;
                existing.Add(parameter);
            }
        }

        private bool BoundBefore(DbParameterCollection existing)
        {
            if (existing.Count != _parameters.Length)
            {
                return false;
            }

            for (var i = 0; i < _parameters.Length; i++)
            {
                if (existing[i].ParameterName != _parameters[i].Name || existing[i].DbType != _parameters[i].Type)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Mentions(string sql, string name)
        {
            for (var at = sql.IndexOf("@" + name, StringComparison.Ordinal); at >= 0; at = sql.IndexOf("@" + name, at + 1, StringComparison.Ordinal))
            {
                var end = at + 1 + name.Length;
                if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
                {
                    return true;
                }
            }

            return false;
        }

        private static Func<object, object?> Getter(PropertyInfo property)
        {
            var instance = Expression.Parameter(typeof(object));
            var value = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), instance).Compile();
        }

        private static DbType DbTypeOf(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t.IsEnum)
            {
                t = Enum.GetUnderlyingType(t);
            }

            return t == typeof(string) ? DbType.String
                : t == typeof(long) ? DbType.Int64
                : t == typeof(int) ? DbType.Int32
                : t == typeof(short) ? DbType.Int16
                : t == typeof(bool) ? DbType.Boolean
                : t == typeof(double) ? DbType.Double
                : t == typeof(decimal) ? DbType.Decimal
                : t == typeof(byte[]) ? DbType.Binary
                : t == typeof(Guid) ? DbType.Guid
                : t == typeof(DateTime) ? DbType.DateTime
                : t == typeof(DateTimeOffset) ? DbType.DateTimeOffset
                : throw new NotSupportedException($"No database type for parameters of type {type}.");
        }
    }
}
