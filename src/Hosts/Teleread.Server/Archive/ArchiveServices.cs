using Teleread.Archive;
using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Query;
using Teleread.Archive.Retention;
using Teleread.Archive.Retrieve;
using Teleread.Archive.S3;
using Teleread.Archive.SiteReplication;
using Teleread.Archive.Storage;
using Teleread.Data;
using Teleread.Server.Demo;
using Teleread.Server.Health;

namespace Teleread.Server.Archive;

public static class ArchiveServices
{
    /// <summary>The retention sweep and its options (section <c>Teleread:Retention</c>, validated here, on start).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new System.ComponentModel.DataAnnotations.ValidationContext(options), validateAllProperties: true);
        services.AddSingleton(options);
        services.AddSingleton<Teleread.Identity.ClinicRetentionStore>();
        services.AddSingleton<RetentionSweeper>();
        services.AddSingleton<RetentionRound>();
        services.AddHostedService<RetentionBackgroundService>();
        return services;
    }

    /// <summary>
    /// The archive: storage in two sites (section "Storage"; by default the file-system sites DATA/storage/east
    /// and DATA/storage/west), the index, ingest, query, retrieve and deletion services, the scrubber and the
    /// replicator of queued copies (Storage:Replication = Queued).
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Sites.Count == 0)
        {
            storage.Sites.Add(new BlobSiteOptions { Name = "east", Kind = BlobSiteKind.FileSystem, Path = Path.Combine(dataDirectory, "storage", "east") });
            storage.Sites.Add(new BlobSiteOptions { Name = "west", Kind = BlobSiteKind.FileSystem, Path = Path.Combine(dataDirectory, "storage", "west") });
        }

        storage.Validate();
        var store = ReplicatedBlobStore.Create(storage, new S3BlobSiteFactory());
        services.AddSingleton(storage);
        services.AddSingleton(store);
        services.AddSingleton<IBlobStore>(store);
        foreach (var site in store.Sites)
        {
            var writesWaitForIt = store.Mode == ReplicationMode.Synchronous || ReferenceEquals(site, store.Primary);
            services.AddSingleton<IReadinessCheck>(new BlobSiteReadinessCheck(site, writesWaitForIt));
        }

        services.AddSingleton<IMigrationSource>(ArchiveMigrations.Source);
        services.AddSingleton<ArchiveIndex>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<IngestIntentRecovery>();
        services.AddHostedService<IngestIntentRecoveryService>();
        services.AddHostedService<JournaledIngestFlush>();
        services.AddSingleton<StudyQueryService>();
        services.AddSingleton<RetrieveService>();
        services.AddSingleton(new ReadAheadBudget());
        services.AddSingleton<StudyDeletionService>();
        services.AddSingleton<AuditedStudyDeletion>();
        services.AddRetention(configuration);
        services.AddSingleton<ArchiveAccessResolver>();
        services.AddSingleton<IDemoStudyImporter, DemoStudyImporter>();
        services.AddSingleton<StorageScrubJob>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageScrubJob>());
        services.AddSingleton<ReplicationQueue>();
        services.AddSingleton<SiteReplicator>();
        services.AddSingleton<SiteReplicationService>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteReplicationService>());
        return services;
    }
}
