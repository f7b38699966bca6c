using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>Behaviour every <see cref="IBlobStore"/> must have; one subclass per implementation.</summary>
public abstract class BlobStoreContract
{
    /// <summary>A fresh, empty store for one test.</summary>
    protected abstract IBlobStore CreateStore();

    /// <summary>Whether the store keeps whole objects in process memory (then the flat-memory check does not apply).</summary>
    protected virtual bool HoldsObjectsInMemory => false;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(6_000_007)]
    public async Task Committed_write_reads_back_the_same_bytes_and_reports_their_sha256(int length)
    {
        var store = CreateStore();
        var bytes = GeneratedStream.Bytes(length, (ulong)length + 1);

        var commit = await store.PutAsync("studies/1.2.3/series/4.5/instance.dcm", bytes);

        Assert.Equal(length, commit.Length);
        Assert.Equal(StorageTestHelpers.Sha256(bytes), commit.Sha256);
        Assert.Equal(bytes, await store.ReadAllAsync("studies/1.2.3/series/4.5/instance.dcm"));
        var info = await store.GetInfoAsync("studies/1.2.3/series/4.5/instance.dcm");
        Assert.NotNull(info);
        Assert.Equal(length, info.Length);
    }

    [Fact]
    public async Task Committed_write_reports_the_xxh3_checked_before_serving()
    {
        var store = CreateStore();
        var bytes = GeneratedStream.Bytes(70_001);

        var commit = await store.PutAsync("a/checksums", bytes);

        Assert.Equal(Convert.ToHexStringLower(System.IO.Hashing.XxHash3.Hash(bytes)), commit.Xxh3);
        Assert.Equal(commit.Xxh3, commit.ToExpectation().Xxh3);
    }

    [Fact]
    public async Task An_unhashed_write_stores_the_same_bytes_and_reports_only_their_length()
    {
        var store = CreateStore();
        var bytes = GeneratedStream.Bytes(100_003);
        await using var write = await store.BeginUnhashedWriteAsync("a/unhashed");
        await write.WriteAsync(bytes);

        var commit = await write.CommitAsync();

        Assert.Equal(bytes.Length, commit.Length);
        Assert.True(commit.Sha256.Length == 0 || commit.Sha256 == StorageTestHelpers.Sha256(bytes));
        Assert.Equal(bytes, await store.ReadAllAsync("a/unhashed"));
    }

    [Fact]
    public async Task Writes_through_the_stream_view_in_many_small_pieces()
    {
        var store = CreateStore();
        var bytes = GeneratedStream.Bytes(300_001);
        await using var write = await store.BeginWriteAsync("a/piecewise");

        var view = write.AsStream();
        for (var offset = 0; offset < bytes.Length; offset += 4099)
        {
            await view.WriteAsync(bytes.AsMemory(offset, Math.Min(4099, bytes.Length - offset)));
        }

        var commit = await write.CommitAsync();
        Assert.Equal(StorageTestHelpers.Sha256(bytes), commit.Sha256);
        Assert.Equal(bytes, await store.ReadAllAsync("a/piecewise"));
    }

    [Fact]
    public async Task Object_is_invisible_until_commit()
    {
        var store = CreateStore();
        await using var write = await store.BeginWriteAsync("pending/object");
        await write.WriteAsync(GeneratedStream.Bytes(1000));

        Assert.False(await store.ExistsAsync("pending/object"));
        Assert.Null(await store.GetInfoAsync("pending/object"));
        Assert.Empty(await store.ListKeysAsync(""));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => store.OpenReadAsync("pending/object"));

        await write.CommitAsync();
        Assert.True(await store.ExistsAsync("pending/object"));
    }

    [Fact]
    public async Task Abort_leaves_nothing_behind()
    {
        var store = CreateStore();
        var write = await store.BeginWriteAsync("aborted/object");
        await write.WriteAsync(GeneratedStream.Bytes(200_000));

        await write.AbortAsync();

        Assert.False(await store.ExistsAsync("aborted/object"));
        Assert.Empty(await store.ListKeysAsync(""));
        await AssertNoPartialDataAsync(store);
        await Assert.ThrowsAsync<InvalidOperationException>(() => write.CommitAsync());
    }

    [Fact]
    public async Task Disposing_an_uncommitted_write_aborts_it()
    {
        var store = CreateStore();
        await using (var write = await store.BeginWriteAsync("dropped/object"))
        {
            await write.WriteAsync(GeneratedStream.Bytes(5000));
        }

        Assert.False(await store.ExistsAsync("dropped/object"));
        Assert.Empty(await store.ListKeysAsync(""));
        await AssertNoPartialDataAsync(store);
    }

    [Fact]
    public async Task Aborting_a_replacement_keeps_the_previous_object()
    {
        var store = CreateStore();
        var original = GeneratedStream.Bytes(1234, 7);
        await store.PutAsync("kept", original);

        await using (var write = await store.BeginWriteAsync("kept"))
        {
            await write.WriteAsync(GeneratedStream.Bytes(99, 8));
            await write.AbortAsync();
        }

        Assert.Equal(original, await store.ReadAllAsync("kept"));
    }

    [Fact]
    public async Task Commit_replaces_an_existing_object()
    {
        var store = CreateStore();
        await store.PutAsync("replaced", GeneratedStream.Bytes(5000, 1));
        var second = GeneratedStream.Bytes(17, 2);

        await store.PutAsync("replaced", second);

        Assert.Equal(second, await store.ReadAllAsync("replaced"));
    }

    [Fact]
    public async Task A_committed_write_accepts_no_more_bytes()
    {
        var store = CreateStore();
        await using var write = await store.BeginWriteAsync("closed");
        await write.WriteAsync(new byte[] { 1, 2, 3 });
        await write.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await write.WriteAsync(new byte[] { 4 }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => write.CommitAsync());
    }

    [Theory]
    [InlineData(0L, 10L)]
    [InlineData(5L, null)]
    [InlineData(990L, 100L)]
    [InlineData(999L, 1L)]
    [InlineData(1000L, null)]
    [InlineData(123L, 0L)]
    [InlineData(0L, null)]
    public async Task Ranged_read_returns_the_selected_bytes_cut_at_the_end(long offset, long? length)
    {
        var store = CreateStore();
        var bytes = GeneratedStream.Bytes(1000, 3);
        await store.PutAsync("ranged", bytes);

        var read = await store.ReadAllAsync("ranged", new BlobRange(offset, length));

        var expectedLength = (int)Math.Min(length ?? long.MaxValue, bytes.Length - offset);
        Assert.Equal(bytes.AsSpan((int)offset, expectedLength).ToArray(), read);
    }

    [Fact]
    public async Task Range_starting_past_the_end_is_rejected()
    {
        var store = CreateStore();
        await store.PutAsync("short", GeneratedStream.Bytes(10));

        await Assert.ThrowsAsync<BlobRangeException>(() => store.OpenReadAsync("short", new BlobRange(11, 5)));
    }

    [Fact]
    public async Task Missing_object_is_reported_as_missing()
    {
        var store = CreateStore();

        Assert.False(await store.ExistsAsync("no/such/object"));
        Assert.Null(await store.GetInfoAsync("no/such/object"));
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => store.OpenReadAsync("no/such/object"));
        Assert.Equal("no/such/object", error.Key);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_is_idempotent()
    {
        var store = CreateStore();
        await store.PutAsync("doomed/one", GeneratedStream.Bytes(10));
        await store.PutAsync("doomed/two", GeneratedStream.Bytes(10));

        await store.DeleteAsync("doomed/one");
        await store.DeleteAsync("doomed/one");
        await store.DeleteAsync("never/existed");

        Assert.False(await store.ExistsAsync("doomed/one"));
        Assert.Equal(["doomed/two"], await store.ListKeysAsync(""));
    }

    [Theory]
    [InlineData("", new[] { "a/b/c", "a/b/d", "a/bc", "ab", "z" })]
    [InlineData("a/", new[] { "a/b/c", "a/b/d", "a/bc" })]
    [InlineData("a/b", new[] { "a/b/c", "a/b/d", "a/bc" })]
    [InlineData("a/b/", new[] { "a/b/c", "a/b/d" })]
    [InlineData("a", new[] { "a/b/c", "a/b/d", "a/bc", "ab" })]
    [InlineData("q", new string[0])]
    [InlineData("a/b/c/d/", new string[0])]
    public async Task List_returns_every_key_with_the_prefix_at_any_depth(string prefix, string[] expected)
    {
        var store = CreateStore();
        foreach (var key in new[] { "a/b/c", "a/b/d", "a/bc", "ab", "z" })
        {
            await store.PutAsync(key, GeneratedStream.Bytes(3));
        }

        Assert.Equal(expected, await store.ListKeysAsync(prefix));
    }

    [Fact]
    public async Task List_reports_sizes()
    {
        var store = CreateStore();
        await store.PutAsync("sized/one", GeneratedStream.Bytes(11));
        await store.PutAsync("sized/two", GeneratedStream.Bytes(22));

        var sizes = new Dictionary<string, long>();
        await foreach (var info in store.ListAsync("sized/"))
        {
            sizes[info.Key] = info.Length;
        }

        Assert.Equal(new Dictionary<string, long> { ["sized/one"] = 11, ["sized/two"] = 22 }, sizes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/absolute")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("../escape")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("trailing/")]
    [InlineData("back\\slash")]
    [InlineData(".hidden")]
    [InlineData("dir/.hidden")]
    [InlineData("C:drive")]
    [InlineData("space in key")]
    [InlineData("nul\0byte")]
    public async Task Invalid_keys_are_rejected_before_touching_storage(string key)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => store.BeginWriteAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => store.OpenReadAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => store.ExistsAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => store.DeleteAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => store.GetInfoAsync(key));
    }

    [Fact]
    public async Task Concurrent_writes_to_different_keys_all_land()
    {
        var store = CreateStore();

        var commits = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            store.PutAsync($"parallel/{i}", GeneratedStream.Bytes(10_000 + i, (ulong)i + 1))));

        Assert.Equal(16, (await store.ListKeysAsync("parallel/")).Count);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(StorageTestHelpers.Sha256(GeneratedStream.Bytes(10_000 + i, (ulong)i + 1)), commits[i].Sha256);
        }
    }

    [Fact]
    public async Task Large_object_streams_in_and_out_with_flat_memory()
    {
        const long length = 64L << 20;
        var store = CreateStore();
        var expectedSha = await StorageTestHelpers.Sha256Async(new GeneratedStream(length, 42));
        var memory = new PeakMemory();

        BlobCommit commit;
        await using (var write = await store.BeginWriteAsync("large/object"))
        {
            await new GeneratedStream(length, 42) { OnMebibyte = memory.EveryEightMebibytes() }.CopyToAsync(write.AsStream());
            commit = await write.CommitAsync();
        }

        memory.Sample();
        Assert.Equal(length, commit.Length);
        Assert.Equal(expectedSha, commit.Sha256);

        await using (var read = await store.OpenReadAsync("large/object"))
        {
            var sampled = new SamplingReadStream(read, memory.EveryEightMebibytes());
            Assert.Equal(expectedSha, await StorageTestHelpers.Sha256Async(sampled));
        }

        if (!HoldsObjectsInMemory)
        {
            Assert.True(memory.GrowthBytes < 24L << 20, $"The live heap grew by {memory.GrowthBytes >> 20} MiB while streaming a 64 MiB object.");
        }
    }

    /// <summary>Implementation-specific proof that an aborted write left no temporary data.</summary>
    protected virtual Task AssertNoPartialDataAsync(IBlobStore store) => Task.CompletedTask;
}
