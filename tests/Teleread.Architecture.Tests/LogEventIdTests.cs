using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Teleread.Architecture.Tests;

/// <summary>Convention 6: logging is a declared catalogue, so an event id names one message across the whole solution.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_logger_message_has_an_event_id_no_other_message_uses()
    {
        // Every Teleread assembly the tests reference (the server brings all modules; the CLI's assembly is "teleread").
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "Teleread.*.dll").Append(Path.Combine(AppContext.BaseDirectory, "teleread.dll")).Where(File.Exists)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith(".Tests", StringComparison.Ordinal) && n != "Teleread.Testing")
            .Select(n => Assembly.Load(new AssemblyName(n!)))
            .ToList();
        var messages = (
            from assembly in assemblies
            from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
            where attribute is not null
            select (attribute.EventId, Name: $"{type.FullName}.{method.Name}")).ToList();

        Assert.Contains(assemblies, a => a.GetName().Name == "Teleread.Server");
        Assert.True(messages.Count > 40, $"only {messages.Count} logger messages found");
        var duplicates = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}").ToList();
        Assert.True(duplicates.Count == 0, "event ids used more than once: " + string.Join("; ", duplicates));
    }
}
