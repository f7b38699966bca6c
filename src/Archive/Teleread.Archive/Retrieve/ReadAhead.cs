namespace Teleread.Archive.Retrieve;

/// <summary>
/// Opens the objects of a retrieve, in order, a few ahead of the one being sent: reading and verifying the next
/// instances overlaps writing the current one to the network. What is opened but not yet taken is bounded by
/// <see cref="MaxAhead"/> objects and <see cref="MaxBytesAhead"/> bytes per retrieve, and by a <see cref="ReadAheadBudget"/>
/// shared by every retrieve of the process; the next object is always opened, whatever its size and the budget.
/// </summary>
public sealed class ReadAhead<T> : IAsyncDisposable
{
    public const int MaxAhead = 4;

    public const long MaxBytesAhead = 64L << 20;

    private readonly IReadOnlyList<T> _items;
    private readonly Func<T, long> _length;
    private readonly Func<T, CancellationToken, Task<Stream>> _open;
    private readonly CancellationTokenSource _cancel;
    private readonly ReadAheadBudget? _budget;
    private readonly Queue<(Task<Stream> Open, long Length, bool Budgeted)> _opening = new();
    private int _started;
    private int _taken;
    private long _bytesAhead;

    public ReadAhead(IReadOnlyList<T> items, Func<T, long> length, Func<T, CancellationToken, Task<Stream>> open, CancellationToken ct, ReadAheadBudget? budget = null)
    {
        _budget = budget;
        _items = items;
        _length = length;
        _open = open;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
    }

    /// <summary>The stream of the next item in order; the caller disposes it.</summary>
    public async Task<Stream> NextAsync()
    {
        if (_taken == _items.Count)
        {
            throw new InvalidOperationException("Every item has been taken.");
        }

        Fill();
        var (open, length, budgeted) = _opening.Dequeue();
        _bytesAhead -= length;
        Refund(length, budgeted);
        _taken++;
        var stream = await open.ConfigureAwait(false);
        Fill();
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        while (_opening.TryDequeue(out var pending))
        {
            Refund(pending.Length, pending.Budgeted);
            try
            {
                await (await pending.Open.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                // Opened ahead and never asked for: its failure belongs to nobody.
            }
        }

        _cancel.Dispose();
    }

    private void Fill()
    {
        while (_started < _items.Count)
        {
            var length = _length(_items[_started]);
            if (_opening.Count > 0 && (_opening.Count >= MaxAhead || _bytesAhead + length > MaxBytesAhead))
            {
                return;
            }

            // The object due next is opened regardless; one further ahead only while the process-wide budget lasts.
            var budgeted = _opening.Count > 0 && _budget is not null;
            if (budgeted && !_budget!.TryTake(length))
            {
                return;
            }

            var item = _items[_started++];
            var token = _cancel.Token;
            // Task.Run: the open verifies a checksum synchronously; that work belongs on another core, not the sender's.
            _opening.Enqueue((Task.Run(() => _open(item, token), token), length, budgeted));
            _bytesAhead += length;
        }
    }

    private void Refund(long length, bool budgeted)
    {
        if (budgeted)
        {
            _budget!.Return(length);
        }
    }
}
