using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Teleread.Archive.Storage;

/// <summary>
/// Every object on every site. <see cref="ReplicationMode.Synchronous"/>: a write streams once and is teed into all
/// sites; its commit returns only when every site has committed (durable), so an acknowledged object survives the loss
/// of any one site. <see cref="ReplicationMode.Queued"/>: a write goes to the primary site only and its commit names the
/// other sites as pending (<see cref="BlobCommit.PendingSites"/>); the caller queues their copies durably.
/// Reads try the preferred site first and fall back to the others, skipping copies that fail verification or are missing.
/// </summary>
public sealed class ReplicatedBlobStore : IBlobStore
{
    private readonly IBlobStore[] _readOrder;
    private readonly IBlobStore[] _writeSites;
    private readonly string[] _pendingSites;

    public ReplicatedBlobStore(IReadOnlyList<IBlobStore> sites, string? preferredReadSite = null, long verifyBeforeServingMaxBytes = 64L << 20,
        ReplicationMode mode = ReplicationMode.Synchronous, string? primarySite = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentOutOfRangeException.ThrowIfZero(sites.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(verifyBeforeServingMaxBytes);
        Sites = sites;
        VerifyBeforeServingMaxBytes = verifyBeforeServingMaxBytes;
        var preferred = SiteNamed(sites, preferredReadSite, nameof(preferredReadSite));
        _readOrder = [preferred, .. sites.Where(s => !ReferenceEquals(s, preferred))];
        Name = string.Join("+", sites.Select(s => s.Name));
        Mode = mode;
        Primary = SiteNamed(sites, primarySite, nameof(primarySite));
        _writeSites = mode == ReplicationMode.Queued ? [Primary] : [.. sites];
        _pendingSites = mode == ReplicationMode.Queued ? [.. sites.Where(s => !ReferenceEquals(s, Primary)).Select(s => s.Name)] : [];
        DefersSync = _writeSites.Any(s => s.DefersSync);
    }

    public string Name { get; }

    public IReadOnlyList<IBlobStore> Sites { get; }

    /// <summary>Whether a commit waits for every site or only for <see cref="Primary"/>.</summary>
    public ReplicationMode Mode { get; }

    /// <summary>The site a <see cref="ReplicationMode.Queued"/> write goes to (the first site unless configured), and the first source of copies.</summary>
    public IBlobStore Primary { get; }

    public long VerifyBeforeServingMaxBytes { get; }

    public bool DefersSync { get; }

    public Task SyncDeferredAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_writeSites.Select(s => s.SyncDeferredAsync(cancellationToken)));

    /// <summary>Builds the sites described by validated options; FileSystem and InMemory are built in, others come from <paramref name="factories"/>.</summary>
    public static ReplicatedBlobStore Create(StorageOptions options, params IEnumerable<IBlobSiteFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byKind = factories.ToDictionary(f => f.Kind);
        var sites = options.Sites.Select(site => site.Kind switch
        {
            BlobSiteKind.FileSystem => new FileSystemBlobStore(site.Path!, site.Name),
            BlobSiteKind.InMemory => new InMemoryBlobStore(site.Name),
            _ when byKind.TryGetValue(site.Kind, out var factory) => factory.Create(site),
            _ => throw new StorageConfigurationException([$"Site '{site.Name}' is of kind {site.Kind}, but no factory for it is registered (reference Teleread.Archive.S3)"]),
        }).ToList();
        return new ReplicatedBlobStore(sites, options.PreferredReadSite, options.VerifyBeforeServingMaxBytes, options.Replication, options.PrimarySite);
    }

    /// <summary>The site named <paramref name="name"/> (case-insensitive), or null when none is configured under that name.</summary>
    public IBlobStore? FindSite(string name) => Sites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var writes = new List<IBlobWrite>(_writeSites.Length);
        foreach (var site in _writeSites)
        {
            try
            {
                // This write hashes the bytes once for all sites.
                writes.Add(await site.BeginUnhashedWriteAsync(key, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (BlobVerifier.IsSiteFailure(e, cancellationToken))
            {
                await ReplicatedBlobWrite.AbortAllAsync(writes).ConfigureAwait(false);
                throw new ReplicatedWriteException(key, site.Name, e);
            }
        }

        return new ReplicatedBlobWrite(key, _writeSites, writes, _pendingSites);
    }

    /// <summary>Reads from the first site that has the object; no verification (see the overload with an expectation).</summary>
    public async Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var failures = new List<Exception>();
        foreach (var site in _readOrder)
        {
            try
            {
                return await site.OpenReadAsync(key, range, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (BlobVerifier.IsSiteFailure(e, cancellationToken))
            {
                failures.Add(e);
            }
        }

        throw NoGoodCopy(key, failures);
    }

    /// <summary>
    /// Reads a copy that matches what the index recorded. Objects up to <see cref="VerifyBeforeServingMaxBytes"/>
    /// are hashed before the stream is returned, so a corrupted copy is skipped for the next site (those up to
    /// <see cref="VerifiedBlobBuffer.MaxBytes"/> are read once into memory and served from there); larger ones
    /// are checked for size first and hashed while streaming (a full read then throws <see cref="BlobIntegrityException"/> at the end).
    /// </summary>
    public async Task<Stream> OpenReadAsync(BlobExpectation expected, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        BlobKey.Validate(expected.Key);
        var failures = new List<Exception>();
        foreach (var site in _readOrder)
        {
            try
            {
                if (range is null && expected.Length <= Math.Min(VerifyBeforeServingMaxBytes, VerifiedBlobBuffer.MaxBytes))
                {
                    var (verified, state) = await VerifiedBlobBuffer.ReadAsync(site, expected, cancellationToken).ConfigureAwait(false);
                    if (verified is not null)
                    {
                        return verified;
                    }

                    failures.Add(new BlobIntegrityException(site.Name, expected.Key, state.ToString().ToLowerInvariant()));
                    continue;
                }

                var preverified = expected.Length <= VerifyBeforeServingMaxBytes;
                if (preverified)
                {
                    var state = await BlobVerifier.CheckAsync(site, expected, cancellationToken).ConfigureAwait(false);
                    if (state is not BlobCopyState.Good)
                    {
                        failures.Add(state is BlobCopyState.Missing
                            ? new BlobNotFoundException(site.Name, expected.Key)
                            : new BlobIntegrityException(site.Name, expected.Key, state.ToString().ToLowerInvariant()));
                        continue;
                    }
                }
                else
                {
                    var info = await site.GetInfoAsync(expected.Key, cancellationToken).ConfigureAwait(false);
                    if (info?.Length != expected.Length)
                    {
                        failures.Add(info is null
                            ? new BlobNotFoundException(site.Name, expected.Key)
                            : new BlobIntegrityException(site.Name, expected.Key, $"{info.Length} bytes stored, {expected.Length} recorded"));
                        continue;
                    }
                }

                var stream = await site.OpenReadAsync(expected.Key, range, cancellationToken).ConfigureAwait(false);
                return range is null && !preverified ? new VerifyingReadStream(stream, site.Name, expected) : stream;
            }
            catch (Exception e) when (BlobVerifier.IsSiteFailure(e, cancellationToken))
            {
                failures.Add(e);
            }
        }

        throw NoGoodCopy(expected.Key, failures);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        await GetInfoAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var failures = new List<Exception>();
        foreach (var site in _readOrder)
        {
            try
            {
                if (await site.GetInfoAsync(key, cancellationToken).ConfigureAwait(false) is { } info)
                {
                    return info;
                }
            }
            catch (Exception e) when (BlobVerifier.IsSiteFailure(e, cancellationToken))
            {
                failures.Add(e);
            }
        }

        return failures.Count == _readOrder.Length
            ? throw new BlobStoreException($"No site could be asked about '{key}'.", new AggregateException(failures))
            : null;
    }

    /// <summary>Deletes from every site; a site that fails leaves its copy for a later delete.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        await Task.WhenAll(Sites.Select(s => s.DeleteAsync(key, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>The union of the sites' keys; it remembers the keys already listed, so its memory grows with the key count.</summary>
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in _readOrder)
        {
            await foreach (var info in site.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(info.Key))
                {
                    yield return info;
                }
            }
        }
    }

    private static IBlobStore SiteNamed(IReadOnlyList<IBlobStore> sites, string? name, string parameter) =>
        name is null ? sites[0] : sites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No site is named '{name}'.", parameter);

    private BlobStoreException NoGoodCopy(string key, List<Exception> failures) =>
        failures.All(f => f is BlobNotFoundException)
            ? new BlobNotFoundException(Name, key)
            : new BlobStoreException($"No site of '{Name}' could serve a good copy of '{key}': " + string.Join("; ", failures.Select(f => f.Message)), new AggregateException(failures));

    private sealed class ReplicatedBlobWrite(string key, IReadOnlyList<IBlobStore> sites, List<IBlobWrite> writes, string[] pendingSites) : BlobWriteBase(key)
    {
        public static async Task AbortAllAsync(IEnumerable<IBlobWrite> writes)
        {
            foreach (var write in writes)
            {
                try
                {
                    await write.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // An abort that fails leaves only unreferenced partial data; the other sites must still be aborted.
                }
            }
        }

        protected override async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            // The caller's buffer is reused after we return, so every site finishes with it first.
            var pending = new Task[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                pending[i] = WriteToSiteAsync(writes[i], data, cancellationToken);
            }

            await WhenAllOrSiteFailure(pending, cancellationToken).ConfigureAwait(false);
        }

        protected override Task CommitCoreAsync(string sha256, CancellationToken cancellationToken) => CommitSitesAsync(sha256, deferred: false, cancellationToken);

        protected override Task CommitDeferredCoreAsync(string sha256, CancellationToken cancellationToken) => CommitSitesAsync(sha256, deferred: true, cancellationToken);

        private async Task CommitSitesAsync(string sha256, bool deferred, CancellationToken cancellationToken)
        {
            var commits = writes.Select(w => CommitSiteAsync(w, deferred, cancellationToken)).ToArray();
            await WhenAllOrSiteFailure(commits, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < commits.Length; i++)
            {
                var committed = await commits[i].ConfigureAwait(false);
                if (committed.Length != BytesWritten || (committed.Sha256.Length > 0 && committed.Sha256 != sha256))
                {
                    throw new ReplicatedWriteException(Key, sites[i].Name, new BlobIntegrityException(sites[i].Name, Key, $"site stored {committed.Length} bytes with SHA-256 {committed.Sha256}, {BytesWritten} bytes with {sha256} were written"));
                }
            }
        }

        protected override Task AbortCoreAsync() => AbortAllAsync(writes);

        protected override BlobCommit Committed(BlobCommit commit) => pendingSites.Length == 0 ? commit : commit with { PendingSites = pendingSites };

        // Awaiting inside makes a site that throws before its first await a faulted task like any other failure.
        private static async Task WriteToSiteAsync(IBlobWrite write, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            await write.WriteAsync(data, cancellationToken).ConfigureAwait(false);

        private static async Task<BlobCommit> CommitSiteAsync(IBlobWrite write, bool deferred, CancellationToken cancellationToken) =>
            await (deferred ? write.CommitDeferredAsync(cancellationToken) : write.CommitAsync(cancellationToken)).ConfigureAwait(false);

        private async Task WhenAllOrSiteFailure(Task[] pending, CancellationToken cancellationToken)
        {
            try
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                for (var i = 0; i < pending.Length; i++)
                {
                    if (pending[i].Exception?.InnerException is { } failure)
                    {
                        throw new ReplicatedWriteException(Key, sites[i].Name, failure);
                    }
                }

                throw;
            }
        }
    }
}
