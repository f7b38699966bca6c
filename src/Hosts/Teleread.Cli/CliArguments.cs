namespace Teleread.Cli;

/// <summary>Minimal GNU-style option parsing shared by the commands: --name value, --name=value, --flag, positionals.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args, IReadOnlyCollection<string> flagNames)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                var name = eq > 0 ? a[2..eq] : a[2..];
                if (flagNames.Contains(name))
                {
                    _flags.Add(name);
                    continue;
                }

                string value;
                if (eq > 0)
                {
                    value = a[(eq + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new CliUsageException($"option --{name} needs a value");
                }

                if (!_options.TryGetValue(name, out var list))
                {
                    _options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                Positionals.Add(a);
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public int IntOption(string name, int fallback) =>
        Option(name) is { } s ? int.TryParse(s, out var n) ? n : throw new CliUsageException($"--{name} expects a number, got '{s}'") : fallback;
}
