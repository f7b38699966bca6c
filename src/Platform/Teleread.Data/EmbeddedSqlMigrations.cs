using System.Reflection;
using System.Text.RegularExpressions;

namespace Teleread.Data;

/// <summary>
/// Migrations embedded in an assembly as <c>Migrations/{sqlite|postgres}/NNNN_name.sql</c>
/// (declare them with <c>&lt;EmbeddedResource Include="Migrations/**/*.sql" /&gt;</c>).
/// </summary>
public sealed partial class EmbeddedSqlMigrations(Assembly assembly, string module) : IMigrationSource
{
    public string Module { get; } = module;

    public IReadOnlyList<Migration> GetMigrations(SqlDialectKind dialect)
    {
        var folder = ".Migrations." + dialect.ToString().ToLowerInvariant() + ".";
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var at = name.IndexOf(folder, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var file = name[(at + folder.Length)..];
            var m = FileName().Match(file);
            if (!m.Success)
            {
                throw new InvalidOperationException($"Migration resource '{name}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(Module, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, reader.ReadToEnd()));
        }

        // Two branches that both add "0002_…" would otherwise leave one migration silently unapplied.
        if (list.GroupBy(x => x.Version).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException(
                $"Module '{Module}' has two {dialect} migrations numbered {clash.Key:0000}: {string.Join(", ", clash.Select(x => x.Name))}; renumber one.");
        }

        return list.OrderBy(x => x.Version).ToList();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
