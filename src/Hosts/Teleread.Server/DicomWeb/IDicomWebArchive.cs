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
    /// The parts of one STOW-RS request, stored in runs: each part is read into storage as it arrives, and a run is made
    /// durable and indexed together (one durable index commit per run instead of one per instance).
    /// </summary>
    IDicomWebStoreBatch BeginStore(Caller caller, string? requiredStudyUid) => new OneByOneStoreBatch(this, caller, requiredStudyUid);

    /// <summary>The matches of a QIDO-RS query the caller may see, each holding the attributes to return.</summary>
    Task<IReadOnlyList<DicomDataset>> QueryAsync(Caller caller, DicomWebQuery query, CancellationToken ct);

    /// <summary>The matching keys of <paramref name="query"/> this archive ignores (PS3.18 8.3.4.3: the response warns about them).</summary>
    IReadOnlyList<DicomWebMatch> UnsupportedMatches(DicomWebQuery query) => [];

    /// <summary>The instances of a study, series or single instance the caller may see, in series then instance order; empty when none.</summary>
    Task<IReadOnlyList<DicomWebInstance>> ListInstancesAsync(Caller caller, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct);

    /// <summary>Opens the stored PS3.10 bytes of an instance returned by <see cref="ListInstancesAsync"/>.</summary>
    Task<Stream> OpenAsync(DicomWebInstance instance, CancellationToken ct);
}
