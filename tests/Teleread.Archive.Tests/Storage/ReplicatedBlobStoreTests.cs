using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

[Collection(StorageCollection.Name)]
public sealed class ReplicatedBlobStoreTests
{
    [Fact]
    public async Task Acknowledged_write_is_durable_on_both_sites_with_the_returned_sha256()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(250_000);

        var commit = await sites.Store.PutAsync("studies/1/instance", bytes);

        Assert.Equal(StorageTestHelpers.Sha256(bytes), commit.Sha256);
        Assert.Equal(bytes, await sites.EastFiles.ReadAllAsync("studies/1/instance"));
        Assert.Equal(bytes, await sites.WestFiles.ReadAllAsync("studies/1/instance"));
    }

    [Fact]
    public async Task Site_going_down_during_the_write_fails_it_and_no_site_shows_the_object()
    {
        using var sites = new TwoSites();
        sites.West.FailWriteAfterBytes = 100_000;
        await using var write = await sites.Store.BeginWriteAsync("studies/1/instance");

        var error = await Assert.ThrowsAsync<ReplicatedWriteException>(() => new GeneratedStream(300_000).CopyToAsync(write.AsStream()));
        await write.DisposeAsync();

        Assert.Equal("west", error.Site);
        Assert.False(await sites.EastFiles.ExistsAsync("studies/1/instance"));
        Assert.False(await sites.WestFiles.ExistsAsync("studies/1/instance"));
        Assert.Empty(Directory.EnumerateFiles(sites.EastFiles.RootDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Site_failing_to_commit_means_no_acknowledgement()
    {
        using var sites = new TwoSites();
        sites.West.FailCommit = true;
        await using var write = await sites.Store.BeginWriteAsync("studies/1/instance");
        await write.WriteAsync(GeneratedStream.Bytes(5000));

        var error = await Assert.ThrowsAsync<ReplicatedWriteException>(() => write.CommitAsync());

        Assert.Equal("west", error.Site);
        Assert.False(await sites.WestFiles.ExistsAsync("studies/1/instance"));
    }

    [Fact]
    public async Task Site_down_before_the_write_refuses_it()
    {
        using var sites = new TwoSites();
        sites.East.Down = true;

        var error = await Assert.ThrowsAsync<ReplicatedWriteException>(() => sites.Store.BeginWriteAsync("studies/1/instance"));

        Assert.Equal("east", error.Site);
        Assert.Empty(await sites.WestFiles.ListKeysAsync(""));
    }

    [Fact]
    public async Task Queued_write_commits_on_the_primary_only_and_names_the_other_site_pending()
    {
        using var sites = new TwoSites(mode: ReplicationMode.Queued, primarySite: "west");
        var bytes = GeneratedStream.Bytes(120_000);

        var commit = await sites.Store.PutAsync("studies/1/instance", bytes);

        Assert.Equal(["east"], commit.PendingSites);
        Assert.Equal(StorageTestHelpers.Sha256(bytes), commit.Sha256);
        Assert.Equal(bytes, await sites.WestFiles.ReadAllAsync("studies/1/instance"));
        Assert.Empty(await sites.EastFiles.ListKeysAsync(""));
        Assert.Equal(bytes, await sites.Store.ReadAllAsync("studies/1/instance")); // east is preferred for reads and lacks it
    }

    [Fact]
    public async Task Queued_write_succeeds_with_the_secondary_down_and_fails_with_the_primary_down()
    {
        using var sites = new TwoSites(mode: ReplicationMode.Queued);
        sites.West.Down = true;

        var commit = await sites.Store.PutAsync("studies/1/a", GeneratedStream.Bytes(1000));
        sites.West.Down = false;
        sites.East.Down = true;
        var error = await Assert.ThrowsAsync<ReplicatedWriteException>(() => sites.Store.PutAsync("studies/1/b", GeneratedStream.Bytes(1000)));

        Assert.Equal(["west"], commit.PendingSites);
        Assert.Equal("east", error.Site);
        Assert.Empty(await sites.WestFiles.ListKeysAsync(""));
    }

    [Fact]
    public async Task Synchronous_write_names_no_site_pending()
    {
        using var sites = new TwoSites();

        var commit = await sites.Store.PutAsync("studies/1/instance", GeneratedStream.Bytes(1000));

        Assert.Empty(commit.PendingSites);
    }

    [Fact]
    public async Task Read_falls_back_to_the_other_site_when_the_preferred_one_lost_the_object()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(3000);
        await sites.Store.PutAsync("a/b", bytes);
        await sites.EastFiles.DeleteAsync("a/b");

        Assert.Equal(bytes, await sites.Store.ReadAllAsync("a/b"));
        Assert.Equal(bytes, await sites.Store.ReadAllAsync("a/b", new BlobRange(0, 3000)));
    }

    [Fact]
    public async Task Read_is_served_by_the_other_site_while_the_preferred_one_is_down()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(3000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        sites.East.Down = true;

        Assert.Equal(bytes, await sites.Store.ReadAllAsync("a/b"));
        await using var verified = await sites.Store.OpenReadAsync(commit.ToExpectation());
        Assert.Equal(commit.Sha256, await StorageTestHelpers.Sha256Async(verified));
        Assert.True(await sites.Store.ExistsAsync("a/b"));
    }

    [Fact]
    public async Task Verified_read_skips_a_corrupted_copy_of_the_same_size()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(40_000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        TwoSites.FlipOneByte(sites.EastFiles, "a/b", 12_345);

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData(64L << 20)]
    [InlineData(0L)]
    public async Task Object_recorded_before_xxh3_existed_is_checked_with_sha256(long verifyBeforeServingMaxBytes)
    {
        using var sites = new TwoSites(verifyBeforeServingMaxBytes);
        var bytes = GeneratedStream.Bytes(40_000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        var recordedBefore = commit.ToExpectation() with { Xxh3 = null };
        TwoSites.FlipOneByte(sites.EastFiles, "a/b", 39_999);

        await using var stream = await sites.Store.OpenReadAsync(recordedBefore);
        using var copy = new MemoryStream();
        if (verifyBeforeServingMaxBytes > 0)
        {
            await stream.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        else
        {
            var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => stream.CopyToAsync(copy));
            Assert.Contains("SHA-256", error.Message);
        }
    }

    [Fact]
    public async Task A_streamed_object_whose_copy_changed_fails_its_xxh3_check_at_the_end()
    {
        using var sites = new TwoSites(verifyBeforeServingMaxBytes: 0);
        var commit = await sites.Store.PutAsync("a/b", GeneratedStream.Bytes(40_000));
        TwoSites.FlipOneByte(sites.EastFiles, "a/b", 7);

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());

        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Contains("XXH3-64", error.Message);
    }

    [Fact]
    public async Task Verified_read_skips_a_copy_longer_than_recorded_and_serves_the_good_one_from_one_read()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(40_000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        await sites.EastFiles.PutAsync("a/b", [.. bytes, 0x42]);

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Verified_ranged_read_comes_from_a_good_copy()
    {
        using var sites = new TwoSites();
        var bytes = GeneratedStream.Bytes(40_000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        TwoSites.FlipOneByte(sites.EastFiles, "a/b", 100);

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation(), new BlobRange(50, 100));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes.AsSpan(50, 100).ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task Object_above_the_verify_first_limit_fails_at_the_end_of_a_corrupted_stream()
    {
        using var sites = new TwoSites(verifyBeforeServingMaxBytes: 0);
        var commit = await sites.Store.PutAsync("a/b", GeneratedStream.Bytes(40_000));
        TwoSites.FlipOneByte(sites.EastFiles, "a/b", 39_999);

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());

        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Equal("east", error.Store);
    }

    [Fact]
    public async Task Object_above_the_verify_first_limit_with_a_truncated_copy_is_served_from_the_other_site()
    {
        using var sites = new TwoSites(verifyBeforeServingMaxBytes: 0);
        var bytes = GeneratedStream.Bytes(40_000);
        var commit = await sites.Store.PutAsync("a/b", bytes);
        await sites.EastFiles.PutAsync("a/b", bytes.AsSpan(0, 20_000).ToArray());

        await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Verified_read_with_no_good_copy_left_fails_with_both_reasons()
    {
        using var sites = new TwoSites();
        var commit = await sites.Store.PutAsync("a/b", GeneratedStream.Bytes(1000));
        TwoSites.FlipOneByte(sites.EastFiles, "a/b");
        await sites.WestFiles.DeleteAsync("a/b");

        var error = await Assert.ThrowsAsync<BlobStoreException>(() => sites.Store.OpenReadAsync(commit.ToExpectation()));

        Assert.Contains("east", error.Message, StringComparison.Ordinal);
        Assert.Contains("west", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_instance_is_served_with_one_site_wiped()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(30);
        TwoSites.WipeSite(sites.EastFiles);

        foreach (var commit in commits)
        {
            await using var stream = await sites.Store.OpenReadAsync(commit.ToExpectation());
            Assert.Equal(commit.Sha256, await StorageTestHelpers.Sha256Async(stream));
        }
    }

    [Fact]
    public async Task List_is_the_union_of_the_sites()
    {
        using var sites = new TwoSites();
        await sites.Store.PutAsync("k/both", GeneratedStream.Bytes(10));
        await sites.EastFiles.PutAsync("k/east-only", GeneratedStream.Bytes(10));
        await sites.WestFiles.PutAsync("k/west-only", GeneratedStream.Bytes(10));

        Assert.Equal(["k/both", "k/east-only", "k/west-only"], await sites.Store.ListKeysAsync("k/"));
    }
}
