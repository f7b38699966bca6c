using System.Reflection;

namespace Teleread.Cli;

public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var commands = DiscoverCommands();
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(commands);
            return args.Length == 0 ? 2 : 0;
        }

        var match = commands
            .Where(c => c.Path.Count <= args.Length && c.Path.Select((w, i) => w == args[i]).All(x => x))
            .MaxBy(c => c.Path.Count);
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToList();
        var group = commands.Where(c => c.Path.Count > words.Count && c.Path.Take(words.Count).SequenceEqual(words)).ToList();
        if (match is null && words.Count > 0 && group.Count > 0)
        {
            // A group such as `teleread dicom`: list its commands.
            PrintHelp(group);
            return args.Skip(words.Count).FirstOrDefault() is "--help" or "-h" ? 0 : 2;
        }

        if (match is null)
        {
            await Console.Error.WriteLineAsync($"teleread: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'. Run `teleread --help`.");
            return 2;
        }

        var rest = args.Skip(match.Path.Count).ToList();
        if (rest.Count > 0 && rest[0] is "--help" or "-h")
        {
            Console.WriteLine(match.Usage);
            return 0;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            return await match.RunAsync(rest, cts.Token);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"teleread {string.Join(' ', match.Path)}: {ex.Message}");
            await Console.Error.WriteLineAsync(match.Usage);
            return 2;
        }
    }

    private static List<ICliCommand> DiscoverCommands() =>
        typeof(CommandLine).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal)
            .ToList();

    private static void PrintHelp(IEnumerable<ICliCommand> commands)
    {
        var version = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Console.WriteLine($"teleread {version} — teleradiology platform");
        Console.WriteLine();
        Console.WriteLine("Usage: teleread COMMAND [ARGS]   (teleread COMMAND --help for details)");
        Console.WriteLine();
        foreach (var c in commands)
        {
            Console.WriteLine($"  {string.Join(' ', c.Path),-22} {c.Summary}");
        }
    }
}
