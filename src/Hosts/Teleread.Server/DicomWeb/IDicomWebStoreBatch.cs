namespace Teleread.Server.DicomWeb;

/// <summary>
/// One STOW-RS request's instances: <see cref="AddAsync"/> reads a part (it must be consumed before the next part is
/// read); <see cref="FlushAsync"/> makes everything added since the last flush durable and indexed and returns the
/// outcomes in the order added. Disposing discards what was added but not flushed (the request broke).
/// </summary>
public interface IDicomWebStoreBatch : IAsyncDisposable
{
    int Pending { get; }

    Task AddAsync(Stream instance, CancellationToken ct);

    Task<IReadOnlyList<DicomWebStoreOutcome>> FlushAsync(CancellationToken ct);
}
