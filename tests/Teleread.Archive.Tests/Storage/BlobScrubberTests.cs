using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

[Collection(StorageCollection.Name)]
public sealed class BlobScrubberTests
{
    [Fact]
    public async Task Scrubber_restores_a_wiped_site_from_the_other()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(25);
        TwoSites.WipeSite(sites.WestFiles);

        var report = await new BlobScrubber(sites.Store.Sites, concurrency: 3).ScrubAsync(Expectations(commits));

        Assert.Equal(25, report.Checked);
        Assert.Equal(25, report.Missing);
        Assert.Equal(25, report.Repaired);
        Assert.Equal(0, report.Unrecoverable);
        foreach (var commit in commits)
        {
            Assert.Equal(BlobCopyState.Good, await BlobVerifier.CheckAsync(sites.WestFiles, commit.ToExpectation()));
        }
    }

    [Fact]
    public async Task Scrubber_counts_and_repairs_corrupted_and_missing_copies_and_names_the_unrecoverable()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(10);
        TwoSites.FlipOneByte(sites.EastFiles, commits[0].Key, 5);
        await sites.WestFiles.DeleteAsync(commits[1].Key);
        await sites.EastFiles.PutAsync(commits[2].Key, GeneratedStream.Bytes(3));
        TwoSites.FlipOneByte(sites.EastFiles, commits[3].Key);
        TwoSites.FlipOneByte(sites.WestFiles, commits[3].Key);

        var report = await new BlobScrubber(sites.Store.Sites).ScrubAsync(Expectations(commits));

        Assert.Equal(10, report.Checked);
        Assert.Equal(6, report.Healthy);
        Assert.Equal(1, report.Missing);
        Assert.Equal(4, report.Corrupted);
        Assert.Equal(3, report.Repaired);
        Assert.Equal(1, report.Unrecoverable);
        Assert.Equal([commits[3].Key], report.UnrecoverableKeys);
        var again = await new BlobScrubber(sites.Store.Sites).ScrubAsync(Expectations(commits));
        Assert.Equal(9, again.Healthy);
    }

    [Fact]
    public async Task Dry_run_counts_without_repairing()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(4);
        await sites.EastFiles.DeleteAsync(commits[0].Key);

        var report = await new BlobScrubber(sites.Store.Sites).ScrubAsync(Expectations(commits), repair: false);

        Assert.Equal(1, report.Missing);
        Assert.Equal(0, report.Repaired);
        Assert.False(await sites.EastFiles.ExistsAsync(commits[0].Key));
    }

    [Fact]
    public async Task Unreachable_site_is_counted_and_left_alone()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(3);
        sites.West.Down = true;

        var report = await new BlobScrubber(sites.Store.Sites).ScrubAsync(Expectations(commits));

        Assert.Equal(3, report.Unavailable);
        Assert.Equal(0, report.Repaired);
        Assert.Equal(0, report.Unrecoverable);
    }

    [Fact]
    public async Task Progress_reports_running_totals_for_every_object()
    {
        using var sites = new TwoSites();
        var commits = await sites.WriteInstancesAsync(8);
        var seen = new List<long>();
        var progress = new SynchronousProgress(r =>
        {
            lock (seen)
            {
                seen.Add(r.Checked);
            }
        });

        await new BlobScrubber(sites.Store.Sites, concurrency: 2).ScrubAsync(Expectations(commits), progress: progress);

        Assert.Equal(8, seen.Count);
        Assert.Equal(8, seen.Max());
    }

    private static async IAsyncEnumerable<BlobExpectation> Expectations(IEnumerable<BlobCommit> commits)
    {
        foreach (var commit in commits)
        {
            await Task.Yield();
            yield return commit.ToExpectation();
        }
    }

    private sealed class SynchronousProgress(Action<BlobScrubReport> report) : IProgress<BlobScrubReport>
    {
        public void Report(BlobScrubReport value) => report(value);
    }
}
