using System.Data;
using System.Data.Common;

namespace Teleread.Data.Sqlite;

/// <summary>
/// Group commit for SQLite's one writer: read-write units of work that arrive while another batch commits are run
/// together in one transaction, each in a savepoint of its own, and committed with one WAL fsync. The first unit to find
/// nobody leading runs a batch (every unit queued by then, itself first); when it is done it hands the lead to the next
/// unit still waiting, so no caller runs other callers' batches for long. A unit whose work throws is rolled back to its
/// savepoint and gets its exception; the others commit. A failed BEGIN, rollback or COMMIT fails every unit of the batch
/// (nothing of it is committed), each then retried by its caller when the error is transient. With one writer at a time the
/// batch is one unit in a transaction of its own, as before.
/// </summary>
internal sealed class SqliteGroupCommit(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim writeTurn)
{
    // Bounds one transaction's work (and the WAL it writes) under a burst of writers.
    private const int MaxBatch = 64;

    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private bool _leading;
    private DbConnection? _writer;
    private StatementCache? _statements;

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work, ct);
        bool lead;
        lock (_gate)
        {
            _queue.Enqueue(pending);
            lead = !_leading;
            _leading = true;
        }

        if (!lead)
        {
            await Task.WhenAny(pending.Result, pending.Lead.Task).ConfigureAwait(false);
            lead = !pending.Result.IsCompleted;
        }

        if (lead)
        {
            await LeadOneBatchAsync().ConfigureAwait(false);
        }

        return await pending.Result.ConfigureAwait(false);
    }

    /// <summary>
    /// The writer's own connection, kept open between batches (only the leader uses it, inside the write turn) so that its
    /// <see cref="StatementCache"/> keeps the per-instance statements compiled.
    /// </summary>
    private async Task<DbConnection> WriterAsync()
    {
        if (_writer is null)
        {
            _writer = await open(CancellationToken.None).ConfigureAwait(false);
            _statements = StatementCache.Attach(_writer);
        }

        return _writer;
    }

    /// <summary>After a failed batch the connection is not trusted to be in a clean state: the next batch opens another.</summary>
    private async Task DropWriterAsync()
    {
        var (writer, statements) = (_writer, _statements);
        (_writer, _statements) = (null, null);
        statements?.Dispose();
        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task LeadOneBatchAsync()
    {
        var batch = new List<PendingWrite>();
        lock (_gate)
        {
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }
        }

        try
        {
            await RunBatchAsync(batch).ConfigureAwait(false);
        }
        finally
        {
            PendingWrite? successor = null;
            lock (_gate)
            {
                if (!_queue.TryPeek(out successor))
                {
                    _leading = false;
                }
            }

            successor?.Lead.TrySetResult();
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        var live = batch.Where(p => !p.CancelIfRequested()).ToList();
        if (live.Count == 0)
        {
            return;
        }

        try
        {
            await writeTurn.WaitAsync().ConfigureAwait(false);
            try
            {
                var connection = await WriterAsync().ConfigureAwait(false);
                await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
                var anyGood = false;
                if (live.Count == 1)
                {
                    anyGood = await live[0].RunAsync(connection, tx).ConfigureAwait(false);
                }
                else
                {
                    for (var i = 0; i < live.Count; i++)
                    {
                        var savepoint = "unit" + i;
                        await tx.SaveAsync(savepoint).ConfigureAwait(false);
                        if (await live[i].RunAsync(connection, tx).ConfigureAwait(false))
                        {
                            await tx.ReleaseAsync(savepoint).ConfigureAwait(false);
                            anyGood = true;
                        }
                        else
                        {
                            await tx.RollbackAsync(savepoint).ConfigureAwait(false);
                            await tx.ReleaseAsync(savepoint).ConfigureAwait(false);
                        }
                    }
                }

                if (anyGood)
                {
                    await tx.CommitAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                writeTurn.Release();
            }
        }
        catch (Exception e)
        {
            await DropWriterAsync().ConfigureAwait(false);
            foreach (var p in live)
            {
                p.Fail(e);
            }

            return;
        }

        foreach (var p in live)
        {
            p.Complete();
        }
    }

    private abstract class PendingWrite
    {
        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes the unit as cancelled when its caller gave up before its batch ran.</summary>
        public abstract bool CancelIfRequested();

        /// <summary>Runs the work; false when it threw (its exception is kept for <see cref="Complete"/>).</summary>
        public abstract Task<bool> RunAsync(DbConnection connection, DbTransaction tx);

        /// <summary>The batch committed (or had nothing to commit): the unit's result or its own exception.</summary>
        public abstract void Complete();

        /// <summary>The batch failed as a whole: the unit's own exception if its work threw, else the batch's.</summary>
        public abstract void Fail(Exception batchFailure);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private Exception? _error;

        public Task<T> Result => _result.Task;

        public override bool CancelIfRequested() => ct.IsCancellationRequested && _result.TrySetCanceled(ct);

        public override async Task<bool> RunAsync(DbConnection connection, DbTransaction tx)
        {
            try
            {
                _value = await work(connection, tx).ConfigureAwait(false);
                return true;
            }
            catch (Exception e)
            {
                _error = e;
                return false;
            }
        }

        public override void Complete()
        {
            if (_error is not null)
            {
                SetError(_error);
            }
            else
            {
                _result.TrySetResult(_value!);
            }
        }

        public override void Fail(Exception batchFailure) => SetError(_error ?? batchFailure);

        private void SetError(Exception e)
        {
            if (e is OperationCanceledException oce && ct.IsCancellationRequested)
            {
                _result.TrySetCanceled(oce.CancellationToken);
            }
            else
            {
                _result.TrySetException(e);
            }
        }
    }
}
