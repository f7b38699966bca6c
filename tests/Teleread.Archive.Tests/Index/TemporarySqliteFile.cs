namespace Teleread.Archive.Tests.Index;

/// <summary>A SQLite database path under the temp directory for one test; disposing closes pooled connections and removes the file with its WAL and shared-memory files.</summary>
internal sealed class TemporarySqliteFile(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(f);
        }
    }
}
