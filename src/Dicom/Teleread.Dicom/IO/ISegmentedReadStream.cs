namespace Teleread.Dicom.IO;

/// <summary>
/// A read stream whose bytes already lie in buffers of its own (the fragments of a data set arriving over the network):
/// a consumer that hands the bytes on (to storage, a hash) can take each segment as it is instead of copying it into a
/// buffer of its own first. Reads of either kind may be mixed.
/// </summary>
public interface ISegmentedReadStream
{
    /// <summary>The next bytes, empty at the end of the stream; valid only until the next read of any kind.</summary>
    ValueTask<ReadOnlyMemory<byte>> ReadSegmentAsync(CancellationToken cancellationToken = default);
}
