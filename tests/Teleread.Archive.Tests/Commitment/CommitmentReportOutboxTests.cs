using Teleread.Archive.Commitment;
using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Data.Sqlite;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Commitment;

/// <summary>The Storage Commitment report outbox against SQLite and PostgreSQL.</summary>
public sealed class CommitmentReportOutboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_report_keeps_its_data_set_and_becomes_due_at_its_time_and_survives_reopening_the_database(string provider)
    {
        await using var db = await OutboxDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var id = await new SqlCommitmentReportOutbox(db.Db, clock).AddAsync(Report("clinic-a", "2.25.100"), Start.AddSeconds(10), CancellationToken.None);

        var outbox = new SqlCommitmentReportOutbox(db.Reopen(), clock);
        Assert.Empty(await outbox.ListDueAsync(Start.AddSeconds(9), 10, CancellationToken.None));
        var entry = Assert.Single(await outbox.ListDueAsync(Start.AddSeconds(10), 10, CancellationToken.None));

        Assert.Equal((id, "clinic-a", "MODALITY_A", "2.25.100", (ushort)2), (entry.Id, entry.ClinicId, entry.CallingAeTitle, entry.TransactionUid, entry.EventTypeId));
        Assert.Equal((CommitmentReportState.Pending, 0, Start, Start.AddSeconds(10), (string?)null), (entry.State, entry.Attempts, entry.CreatedAt, entry.NextAttemptAt, entry.LastError));
        Assert.Equal("2.25.100", entry.EventInformation.GetString(DicomTags.TransactionUID));
        var failed = Assert.Single(entry.EventInformation.GetSequence(DicomTags.FailedSOPSequence)!.Items);
        Assert.Equal(("2.25.7", (ushort)0x0112), (failed.GetString(DicomTags.ReferencedSOPInstanceUID), failed.GetValue<ushort>(DicomTags.FailureReason)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_claimed_report_is_not_claimed_twice_and_failed_attempts_count_until_it_is_given_up_or_removed(string provider)
    {
        await using var db = await OutboxDatabase.CreateAsync(provider);
        var outbox = new SqlCommitmentReportOutbox(db.Db, new FakeTimeProvider(Start));
        var kept = await outbox.AddAsync(Report("clinic-a", "2.25.1"), Start, CancellationToken.None);
        var delivered = await outbox.AddAsync(Report("clinic-b", "2.25.2"), Start, CancellationToken.None);
        var due = await outbox.ListDueAsync(Start, 10, CancellationToken.None);
        var first = Assert.Single(due, e => e.Id == kept);

        Assert.True(await outbox.TryClaimAsync(first, Start.AddMinutes(1), CancellationToken.None));
        Assert.False(await outbox.TryClaimAsync(first, Start.AddMinutes(1), CancellationToken.None));
        await outbox.RecordFailedAttemptAsync(kept, "connection refused", Start.AddSeconds(20), CancellationToken.None);
        await outbox.RemoveAsync(delivered, CancellationToken.None);

        var after = Assert.Single(await outbox.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal((kept, 1, "connection refused", Start.AddSeconds(20)), (after.Id, after.Attempts, after.LastError, after.NextAttemptAt));

        await outbox.GiveUpAsync(kept, "node down for 7 days", Start.AddDays(7), CancellationToken.None);
        await outbox.RescheduleAsync(kept, Start, CancellationToken.None);

        Assert.Empty(await outbox.ListDueAsync(Start.AddDays(30), 10, CancellationToken.None));
        Assert.Empty(await outbox.ListAsync(CommitmentReportState.Pending, 10, CancellationToken.None));
        var failed = Assert.Single(await outbox.ListAsync(CommitmentReportState.Failed, 10, CancellationToken.None));
        Assert.Equal((CommitmentReportState.Failed, 2, "node down for 7 days", (DateTimeOffset?)Start.AddDays(7)), (failed.State, failed.Attempts, failed.LastError, failed.FailedAt));
    }

    private static NewCommitmentReport Report(string clinic, string transactionUid)
    {
        var item = new DicomItem();
        item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "2.25.7");
        item.AddOrUpdate<ushort>(DicomTags.FailureReason, DicomVR.US, 0x0112);
        var information = new DicomDataset();
        information.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, transactionUid);
        information.AddOrUpdate(new DicomSequence(DicomTags.FailedSOPSequence, [item]));
        return new NewCommitmentReport(clinic, "MODALITY_A", transactionUid, 2, information);
    }

    /// <summary>A migrated archive database (SQLite file or fresh PostgreSQL database); <see cref="Reopen"/> opens it again as a restarted process would.</summary>
    private sealed class OutboxDatabase : IAsyncDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "teleread-outbox-" + Guid.NewGuid().ToString("N"));
        private readonly PostgresTestDatabase? _postgres;

        private OutboxDatabase(PostgresTestDatabase? postgres)
        {
            _postgres = postgres;
            Directory.CreateDirectory(_dir);
            Db = Open();
        }

        public IDatabase Db { get; private set; }

        public static async Task<OutboxDatabase> CreateAsync(string provider)
        {
            var d = new OutboxDatabase(provider == "postgres" ? await PostgresTestDatabase.CreateAsync() : null);
            await new MigrationRunner(d.Db, [ArchiveMigrations.Source]).ApplyAsync(CancellationToken.None);
            return d;
        }

        public IDatabase Reopen()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            Db = Open();
            return Db;
        }

        private IDatabase Open() => _postgres is null ? new SqliteDatabase(Path.Combine(_dir, "teleread.db")) : new PostgresDatabase(_postgres.ConnectionString);

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
            Directory.Delete(_dir, recursive: true);
        }
    }
}
