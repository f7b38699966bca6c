using Teleread.Identity;

namespace Teleread.Server.DicomWeb;

/// <summary>A store batch for archives without runs: each instance is stored as it is added.</summary>
public sealed class OneByOneStoreBatch(IDicomWebArchive archive, Caller caller, string? requiredStudyUid) : IDicomWebStoreBatch
{
    private readonly List<DicomWebStoreOutcome> _outcomes = [];

    public int Pending => _outcomes.Count;

    public async Task AddAsync(Stream instance, CancellationToken ct) =>
        _outcomes.Add(await archive.StoreAsync(caller, instance, requiredStudyUid, ct).ConfigureAwait(false));

    public Task<IReadOnlyList<DicomWebStoreOutcome>> FlushAsync(CancellationToken ct)
    {
        IReadOnlyList<DicomWebStoreOutcome> done = [.. _outcomes];
        _outcomes.Clear();
        return Task.FromResult(done);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
