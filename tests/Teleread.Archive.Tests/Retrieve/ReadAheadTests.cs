using Teleread.Archive.Retrieve;

namespace Teleread.Archive.Tests.Retrieve;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Streams_come_back_in_the_order_of_the_items()
    {
        var items = Enumerable.Range(0, 20).ToList();
        // Later items open faster, so completion order is the reverse of the list.
        await using var ahead = new ReadAhead<int>(items, _ => 10, async (i, ct) =>
        {
            await Task.Delay(20 - i, ct);
            return new MemoryStream([(byte)i]);
        }, CancellationToken.None);

        foreach (var i in items)
        {
            await using var s = await ahead.NextAsync();
            Assert.Equal(i, s.ReadByte());
        }
    }

    [Fact]
    public async Task No_more_than_the_bound_is_opened_ahead_of_the_reader()
    {
        var opened = 0;
        var items = Enumerable.Range(0, 12).ToList();
        await using var ahead = new ReadAhead<int>(items, _ => 1, (i, _) =>
        {
            Interlocked.Increment(ref opened);
            return Task.FromResult<Stream>(new MemoryStream([(byte)i]));
        }, CancellationToken.None);

        await using (await ahead.NextAsync())
        {
            await Task.Delay(100);
            // The taken one plus at most MaxAhead waiting.
            Assert.Equal(1 + ReadAhead<int>.MaxAhead, Volatile.Read(ref opened));
        }
    }

    [Fact]
    public async Task Large_objects_are_opened_one_at_a_time()
    {
        var opened = 0;
        var items = Enumerable.Range(0, 5).ToList();
        await using var ahead = new ReadAhead<int>(items, _ => ReadAhead<int>.MaxBytesAhead, (i, _) =>
        {
            Interlocked.Increment(ref opened);
            return Task.FromResult<Stream>(new MemoryStream([(byte)i]));
        }, CancellationToken.None);

        await using (await ahead.NextAsync())
        {
            await Task.Delay(100);
            Assert.Equal(2, Volatile.Read(ref opened));
        }
    }

    [Fact]
    public async Task Retrieves_sharing_a_spent_budget_open_only_their_next_object_and_return_what_they_took()
    {
        var budget = new ReadAheadBudget(30);
        var opened = new int[2];
        var items = Enumerable.Range(0, 10).ToList();
        ReadAhead<int> Retrieve(int which) => new(items, _ => 10, (i, _) =>
        {
            Interlocked.Increment(ref opened[which]);
            return Task.FromResult<Stream>(new MemoryStream([(byte)i]));
        }, CancellationToken.None, budget);

        var first = Retrieve(0);
        await using (await first.NextAsync())
        {
            await Task.Delay(50);
            // The taken one (opened outside the budget, being due) and three more paid for with all 30 bytes.
            Assert.Equal(1 + 3, Volatile.Read(ref opened[0]));
            Assert.Equal(0, budget.Available);

            await using var second = Retrieve(1);
            await using (await second.NextAsync())
            {
                await Task.Delay(50);
                // Nothing left to read ahead with: the taken one and the one due next.
                Assert.Equal(2, Volatile.Read(ref opened[1]));
            }
        }

        await first.DisposeAsync();
        Assert.Equal(30, budget.Available);
    }

    [Fact]
    public async Task Streams_opened_ahead_and_never_taken_are_disposed()
    {
        var streams = new List<TrackedStream>();
        var items = Enumerable.Range(0, 8).ToList();
        var ahead = new ReadAhead<int>(items, _ => 1, (_, _) =>
        {
            var s = new TrackedStream();
            lock (streams)
            {
                streams.Add(s);
            }

            return Task.FromResult<Stream>(s);
        }, CancellationToken.None);

        (await ahead.NextAsync()).Dispose();
        await ahead.DisposeAsync();

        lock (streams)
        {
            Assert.NotEmpty(streams);
            Assert.All(streams, s => Assert.True(s.Disposed));
        }
    }

    [Fact]
    public async Task A_failed_open_surfaces_when_its_item_is_taken_and_not_before()
    {
        var items = Enumerable.Range(0, 4).ToList();
        await using var ahead = new ReadAhead<int>(items, _ => 1, (i, _) =>
            i == 2 ? Task.FromException<Stream>(new IOException("site lost")) : Task.FromResult<Stream>(new MemoryStream([(byte)i])),
            CancellationToken.None);

        (await ahead.NextAsync()).Dispose();
        (await ahead.NextAsync()).Dispose();
        var e = await Assert.ThrowsAsync<IOException>(ahead.NextAsync);
        Assert.Equal("site lost", e.Message);
    }

    private sealed class TrackedStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
