using System.Buffers.Binary;

namespace Teleread.Server.Dimse;

/// <summary>Positions a stored PS3.10 stream at its data set (after preamble, "DICM" and the group 0002 elements) without reading further.</summary>
public static class Part10DataSet
{
    public static async Task<Stream> OpenAsync(Stream part10, CancellationToken ct)
    {
        var head = new byte[132];
        await part10.ReadExactlyAsync(head, ct).ConfigureAwait(false);
        if (head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M')
        {
            throw new InvalidDataException("The stored object is not a PS3.10 file.");
        }

        var header = new byte[8];
        while (true)
        {
            await part10.ReadExactlyAsync(header, ct).ConfigureAwait(false);
            var group = BinaryPrimitives.ReadUInt16LittleEndian(header);
            if (group != 0x0002)
            {
                return new PrefixedStream(header, part10);
            }

            // Meta elements are explicit VR little endian; OB/UN/UT/… use a 2-byte reserved field and a 4-byte length.
            var vr = System.Text.Encoding.ASCII.GetString(header, 4, 2);
            long length;
            if (vr is "OB" or "OW" or "OF" or "SQ" or "UT" or "UN" or "UC" or "UR" or "OD" or "OL" or "OV" or "SV" or "UV")
            {
                var len = new byte[4];
                await part10.ReadExactlyAsync(len, ct).ConfigureAwait(false);
                length = BinaryPrimitives.ReadUInt32LittleEndian(len);
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
            }

            var skip = new byte[Math.Min(length, 1 << 20)];
            if (length > skip.Length)
            {
                throw new InvalidDataException("A file meta element is implausibly long.");
            }

            await part10.ReadExactlyAsync(skip, ct).ConfigureAwait(false);
        }
    }

    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException("forward-only stream");

        public override long Position
        {
            get => throw new NotSupportedException("forward-only stream");
            set => throw new NotSupportedException("forward-only stream");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("forward-only stream");

        public override void SetLength(long value) => throw new NotSupportedException("forward-only stream");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("read-only stream");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
