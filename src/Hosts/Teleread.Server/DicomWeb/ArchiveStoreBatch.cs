using Teleread.Archive.Ingest;
using Teleread.Identity;

namespace Teleread.Server.DicomWeb;

/// <summary>STOW-RS into the archive: parts are staged as they are read and completed per run by the ingest service.</summary>
public sealed class ArchiveStoreBatch(IngestService ingest, Caller caller, string? requiredStudyUid) : IDicomWebStoreBatch
{
    // Each entry is a staged instance or, for a refusal known before staging, its outcome.
    private readonly List<(StagedInstance? Staged, DicomWebStoreOutcome? Outcome)> _pending = [];

    public int Pending => _pending.Count;

    public async Task AddAsync(Stream instance, CancellationToken ct)
    {
        if (caller.Role != Role.ClinicUser || caller.ClinicId is null)
        {
            _pending.Add((null, DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.ProcessingFailure, "Only a clinic's users and devices store instances; the instance is stored for the caller's clinic.")));
            return;
        }

        var staged = await ingest.StageAsync(new IngestSource(caller.ClinicId, IngestOrigin.Stow, null, caller.UserId), instance, requiredStudyUid, ct).ConfigureAwait(false);
        _pending.Add((staged, null));
    }

    public async Task<IReadOnlyList<DicomWebStoreOutcome>> FlushAsync(CancellationToken ct)
    {
        var pending = _pending.ToList();
        _pending.Clear();
        var staged = pending.Where(p => p.Staged is not null).Select(p => p.Staged!).ToList();
        var results = staged.Count == 0 ? [] : await ingest.CompleteAsync(staged, ct).ConfigureAwait(false);
        var outcomes = new List<DicomWebStoreOutcome>(pending.Count);
        var next = 0;
        foreach (var (s, outcome) in pending)
        {
            outcomes.Add(s is null ? outcome! : Outcome(results[next++]));
        }

        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (staged, _) in _pending)
        {
            if (staged is not null)
            {
                await staged.DiscardAsync().ConfigureAwait(false);
            }
        }

        _pending.Clear();
    }

    private static DicomWebStoreOutcome Outcome(IngestResult result) =>
        result.Succeeded
            ? new DicomWebStoreOutcome(true, result.SopClassUid, result.SopInstanceUid, result.StudyInstanceUid, result.SeriesInstanceUid, null, null, result.Outcome == IngestOutcome.Duplicate ? "Already stored" : null)
            : new DicomWebStoreOutcome(false, result.SopClassUid, result.SopInstanceUid, result.StudyInstanceUid, result.SeriesInstanceUid,
                result.FailureReason?.Contains("not to the study", StringComparison.Ordinal) == true ? DicomWebStoreOutcome.DatasetDoesNotMatch : result.DicomStatus,
                null, result.FailureReason);
}
