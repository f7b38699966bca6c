using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Retrieve;

/// <summary>Finds stored instances the caller may see and opens their bytes, verified against the recorded checksum.</summary>
public sealed class RetrieveService(IBlobStore store, ArchiveIndex index)
{
    /// <summary>Instances of a study, a series or one instance, in series then arrival order; empty when none is visible.</summary>
    public Task<IReadOnlyList<StoredInstance>> ListInstancesAsync(ArchiveAccess access, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct) =>
        index.ListInstancesAsync(access, studyUid, seriesUid, sopInstanceUid, ct);

    /// <summary>Which of these SOP instances are stored and visible to the caller (storage commitment).</summary>
    public Task<IReadOnlyList<StoredInstance>> FindInstancesAsync(ArchiveAccess access, IReadOnlyList<string> sopInstanceUids, CancellationToken ct) =>
        index.FindInstancesAsync(access, sopInstanceUids, ct);

    /// <summary>Opens the PS3.10 bytes of an instance from whichever site holds a good copy.</summary>
    public Task<Stream> OpenAsync(StoredInstance instance, CancellationToken ct) =>
        store is ReplicatedBlobStore replicated
            ? replicated.OpenReadAsync(instance.ToExpectation(), null, ct)
            : store.OpenReadAsync(instance.BlobKey, null, ct);
}
