namespace Teleread.Archive.Storage;

/// <summary>Write-only <see cref="Stream"/> view of an <see cref="IBlobWrite"/>, for implementers of AsStream; disposing it does not commit.</summary>
public sealed class BlobWriteStream(IBlobWrite write) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException("A blob write stream has no length.");

    public override long Position
    {
        get => write.BytesWritten;
        set => throw new NotSupportedException("A blob write stream cannot seek.");
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        write.WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        write.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        write.WriteAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("A blob write stream cannot be read.");

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("A blob write stream cannot seek.");

    public override void SetLength(long value) =>
        throw new NotSupportedException("A blob write stream cannot change length.");
}
