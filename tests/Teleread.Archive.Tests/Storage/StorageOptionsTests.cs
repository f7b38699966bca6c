using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Empty_configuration_is_rejected()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => new StorageOptions().Validate());

        Assert.Contains(error.Errors, e => e.Contains("Storage:Sites is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new StorageOptions
        {
            Sites =
            [
                new BlobSiteOptions { Name = "east", Kind = BlobSiteKind.FileSystem },
                new BlobSiteOptions { Name = "EAST", Kind = BlobSiteKind.S3, ServiceUrl = "ftp://x", PartSizeBytes = 1, KeyPrefix = "../" },
            ],
            PreferredReadSite = "north",
            ScrubConcurrency = 0,
        };

        var error = Assert.Throws<StorageConfigurationException>(options.Validate);

        Assert.Equal(
            [
                "Storage:Sites:0:Path is required for a FileSystem site",
                "Storage:Sites:1:Name 'EAST' is used twice",
                "Storage:Sites:1:ServiceUrl must be an absolute http(s) URL for an S3 site",
                "Storage:Sites:1:Bucket is required for an S3 site",
                "Storage:Sites:1:AccessKeyId and SecretAccessKey are required for an S3 site",
                "Storage:Sites:1:KeyPrefix must be empty or a valid key ending with '/'",
                "Storage:Sites:1:PartSizeBytes must be between 5242880 and 536870912",
                "Storage:PreferredReadSite 'north' names no configured site",
                "Storage:ScrubConcurrency must be between 1 and 64",
            ],
            error.Errors);
    }

    [Fact]
    public void Queued_replication_settings_are_checked()
    {
        var options = new StorageOptions
        {
            Sites = [new BlobSiteOptions { Name = "east", Path = "/tmp/e" }, new BlobSiteOptions { Name = "west", Path = "/tmp/w" }],
            Replication = ReplicationMode.Queued,
            PrimarySite = "north",
            ReplicationBatchSize = 0,
            ReplicationConcurrency = 65,
            ReplicationPollInterval = TimeSpan.Zero,
            ReplicationRetryInitialDelay = TimeSpan.FromMinutes(10),
            ReplicationRetryMaximumDelay = TimeSpan.FromMinutes(1),
        };

        var error = Assert.Throws<StorageConfigurationException>(options.Validate);

        Assert.Equal(
            [
                "Storage:PrimarySite 'north' names no configured site",
                "Storage:ReplicationBatchSize must be between 1 and 10000",
                "Storage:ReplicationConcurrency must be between 1 and 64",
                "Storage:ReplicationPollInterval, Storage:ReplicationRetryInitialDelay and Storage:ReplicationLagWarning must be positive",
                "Storage:ReplicationRetryMaximumDelay must not be shorter than Storage:ReplicationRetryInitialDelay",
            ],
            error.Errors);
    }

    [Fact]
    public void Queued_replication_writes_to_the_named_primary_site()
    {
        var options = new StorageOptions
        {
            Sites = [new BlobSiteOptions { Name = "east", Kind = BlobSiteKind.InMemory }, new BlobSiteOptions { Name = "west", Kind = BlobSiteKind.InMemory }],
            Replication = ReplicationMode.Queued,
            PrimarySite = "WEST",
        };

        var store = ReplicatedBlobStore.Create(options);

        Assert.Equal((ReplicationMode.Queued, "west"), (store.Mode, store.Primary.Name));
        Assert.Equal((ReplicationMode.Synchronous, "east"), (new StorageOptions { Sites = options.Sites }.Replication, ReplicatedBlobStore.Create(new StorageOptions { Sites = options.Sites }).Primary.Name));
    }

    [Fact]
    public void S3_site_without_its_factory_is_a_configuration_error()
    {
        var options = new StorageOptions
        {
            Sites = [new BlobSiteOptions { Name = "west", Kind = BlobSiteKind.S3, ServiceUrl = "http://127.0.0.1:1", Bucket = "west", AccessKeyId = "a", SecretAccessKey = "b" }],
        };

        Assert.Throws<StorageConfigurationException>(() => ReplicatedBlobStore.Create(options));
    }
}
