using Teleread.Dicom.IO;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// Read-only, forward-only stream over the data set fragments of one message. Each read copies
/// from the PDU currently held by the association, so memory stays bounded by one PDU. Prefer the
/// asynchronous reads: a synchronous read that needs the next PDU blocks its thread on the network.
/// <see cref="ReadSegmentAsync"/> hands out the fragment itself, without the copy.
/// </summary>
internal sealed class DicomDataSetReadStream(DicomAssociation association, byte presentationContextId) : Stream, ISegmentedReadStream
{
    private ReadOnlyMemory<byte> _pending;
    private bool _lastFragmentSeen;
    private long _position;

    public bool IsCompleted => _lastFragmentSeen && _pending.IsEmpty;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A data set arriving over the network has no known length.");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A data set arriving over the network cannot seek.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || !await HasPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        _position += count;
        return count;
    }

    public async ValueTask<ReadOnlyMemory<byte>> ReadSegmentAsync(CancellationToken cancellationToken = default)
    {
        if (!await HasPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var segment = _pending;
        _pending = default;
        _position += segment.Length;
        return segment;
    }

    /// <summary>Fetches fragments until one has data; false at the end of the data set.</summary>
    private async ValueTask<bool> HasPendingAsync(CancellationToken cancellationToken)
    {
        while (_pending.IsEmpty)
        {
            if (_lastFragmentSeen)
            {
                return false;
            }

            var fragment = await association.NextDataSetFragmentAsync(presentationContextId, cancellationToken).ConfigureAwait(false);
            _pending = fragment.Data;
            _lastFragmentSeen = fragment.IsLastFragment;
        }

        return true;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
        => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Skips what the consumer left unread, fragment by fragment.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        _pending = default;
        while (!_lastFragmentSeen)
        {
            var fragment = await association.NextDataSetFragmentAsync(presentationContextId, cancellationToken).ConfigureAwait(false);
            _lastFragmentSeen = fragment.IsLastFragment;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A data set arriving over the network cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A data set arriving over the network is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A data set arriving over the network is read-only.");
}
