using Teleread.Data;

namespace Teleread.Reading.Persistence;

/// <summary>The reading module's tables (requests, timelines, roster, clinics' reading terms, escalation timers, alerts).</summary>
public static class ReadingMigrations
{
    public static IMigrationSource Source { get; } = new EmbeddedSqlMigrations(typeof(ReadingMigrations).Assembly, "reading");
}
