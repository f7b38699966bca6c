using Teleread.Dicom;
using Teleread.Identity;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// What the DICOMweb endpoints need from the archive, in their own words. The implementation adapts the
/// archive's ingest, study query and retrieve services; every call applies the caller's access scope.
/// </summary>
public interface IDicomWebArchive
{
    /// <summary>Stores one PS3.10 instance streamed from <paramref name="instance"/>; when <paramref name="requiredStudyUid"/> is set an instance of another study is refused.</summary>
    Task<DicomWebStoreOutcome> StoreAsync(Caller caller, Stream instance, string? requiredStudyUid, CancellationToken ct);

    /// <summary>
    /// Reads one instance from <paramref name="instance"/> and returns the remaining work (making it durable, indexing
    /// it after <paramref name="storeAfter"/>) as a running task, so the next part can be read meanwhile.
    /// </summary>
    async Task<Task<DicomWebStoreOutcome>> BeginStoreAsync(Caller caller, Stream instance, string? requiredStudyUid, Task? storeAfter, CancellationToken ct)
    {
        if (storeAfter is not null)
        {
            await storeAfter.ConfigureAwait(false);
        }

        return Task.FromResult(await StoreAsync(caller, instance, requiredStudyUid, ct).ConfigureAwait(false));
    }

    /// <summary>The matches of a QIDO-RS query the caller may see, each holding the attributes to return.</summary>
    Task<IReadOnlyList<DicomDataset>> QueryAsync(Caller caller, DicomWebQuery query, CancellationToken ct);

    /// <summary>The matching keys of <paramref name="query"/> this archive ignores (PS3.18 8.3.4.3: the response warns about them).</summary>
    IReadOnlyList<DicomWebMatch> UnsupportedMatches(DicomWebQuery query) => [];

    /// <summary>The instances of a study, series or single instance the caller may see, in series then instance order; empty when none.</summary>
    Task<IReadOnlyList<DicomWebInstance>> ListInstancesAsync(Caller caller, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct);

    /// <summary>Opens the stored PS3.10 bytes of an instance returned by <see cref="ListInstancesAsync"/>.</summary>
    Task<Stream> OpenAsync(DicomWebInstance instance, CancellationToken ct);
}
