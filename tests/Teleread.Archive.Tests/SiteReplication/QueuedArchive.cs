using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Retrieve;
using Teleread.Archive.SiteReplication;
using Teleread.Archive.Storage;
using Teleread.Archive.Tests.Index;
using Teleread.Archive.Tests.Storage;
using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Data.Sqlite;
using Teleread.Testing;

namespace Teleread.Archive.Tests.SiteReplication;

/// <summary>
/// An archive in queued replication mode on SQLite or PostgreSQL: two file-system sites behind fault switches (east is
/// the primary), the index, ingest, the queue and the replicator, on a fake clock. <see cref="RestartAsync"/> rebuilds
/// everything but the sites and the database contents, as a process restart would.
/// </summary>
internal sealed class QueuedArchive : IAsyncDisposable
{
    public const string Clinic = "clinic-a";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teleread-replication-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresTestDatabase? _postgres;
    private readonly string _preferredReadSite;

    private QueuedArchive(PostgresTestDatabase? postgres, StorageOptions options, string preferredReadSite, ReplicationMode mode)
    {
        _postgres = postgres;
        _preferredReadSite = preferredReadSite;
        Options = options;
        Options.Replication = mode;
        Directory.CreateDirectory(_dir);
        Sites = new TwoSites(mode: mode, preferredReadSite: preferredReadSite);
        Db = OpenDatabase();
        Build();
    }

    public StorageOptions Options { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public TwoSites Sites { get; }

    public IDatabase Db { get; private set; }

    public ReplicatedBlobStore Store { get; private set; } = null!;

    public ArchiveIndex Index { get; private set; } = null!;

    public IngestService Ingest { get; private set; } = null!;

    public ReplicationQueue Queue { get; private set; } = null!;

    public SiteReplicator Replicator { get; private set; } = null!;

    public RetrieveService Retrieve { get; private set; } = null!;

    public StudyDeletionService Deletion { get; private set; } = null!;

    public static async Task<QueuedArchive> CreateAsync(string provider, int batchSize = 100, string preferredReadSite = "east", ReplicationMode mode = ReplicationMode.Queued)
    {
        var options = new StorageOptions { ReplicationBatchSize = batchSize, ReplicationConcurrency = 3 };
        var archive = new QueuedArchive(provider == "postgres" ? await PostgresTestDatabase.CreateAsync() : null, options, preferredReadSite, mode);
        await new MigrationRunner(archive.Db, [ArchiveMigrations.Source]).ApplyAsync(CancellationToken.None);
        return archive;
    }

    /// <summary>New database connections, store, index, queue and replicator over the same sites and database.</summary>
    public async Task RestartAsync()
    {
        if (Db is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Db = OpenDatabase();
        Build();
    }

    public async Task<(IngestResult Result, byte[] Bytes)> StoreAsync(string study, int instance, string? series = null)
    {
        var bytes = TestInstances.Make(study, series ?? study + ".1", $"{series ?? study + ".1"}.{instance}");
        var result = await Ingest.IngestAsync(new IngestSource(Clinic, IngestOrigin.Dimse), new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        return (result, bytes);
    }

    public async Task<string> BlobKeyAsync(IngestResult stored) =>
        Assert.Single(await Index.FindInstancesAsync(ArchiveAccess.All, [stored.SopInstanceUid!], CancellationToken.None)).BlobKey;

    public Task<ReplicationQueueStatus> StatusAsync() => Queue.GetStatusAsync(100, CancellationToken.None);

    /// <summary>Rounds until one finds nothing due (at most <paramref name="maxRounds"/>).</summary>
    public async Task<int> ReplicateAllDueAsync(int maxRounds = 50)
    {
        var made = 0;
        for (var i = 0; i < maxRounds; i++)
        {
            var round = await Replicator.RunOnceAsync(CancellationToken.None);
            made += round.Replicated;
            if (round.Claimed == 0)
            {
                return made;
            }
        }

        throw new InvalidOperationException($"the queue was not worked through in {maxRounds} rounds");
    }

    public async ValueTask DisposeAsync()
    {
        if (Db is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Sites.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private IDatabase OpenDatabase() => _postgres is null ? new SqliteDatabase(Path.Combine(_dir, "teleread.db")) : new PostgresDatabase(_postgres.ConnectionString);

    private void Build()
    {
        Store = new ReplicatedBlobStore([Sites.East, Sites.West], _preferredReadSite, 64L << 20, Options.Replication);
        Index = new ArchiveIndex(Db, Clock);
        Ingest = new IngestService(Store, Index, Clock);
        Queue = new ReplicationQueue(Db, Clock);
        Replicator = new SiteReplicator(Store, Queue, Options, Clock);
        Retrieve = new RetrieveService(Store, Index);
        Deletion = new StudyDeletionService(Store, Index);
    }
}
