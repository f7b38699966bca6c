using System.Text;

namespace Teleread.Dicom.Web;

/// <summary>
/// Streams the parts of a multipart/related body (RFC 2387, PS3.18 8.6.1) with a fixed buffer: a part's
/// bytes are handed on as they arrive, so a STOW-RS request of any size never sits in memory.
/// </summary>
public sealed class MultipartRelatedReader
{
    private const int BufferSize = 64 * 1024;
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly Stream _source;
    private readonly byte[] _delimiter; // CRLF "--" boundary
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _sourceDone;
    private bool _finished;
    private bool _started;
    private PartStream? _current;

    /// <summary>The longest boundary accepted: more than RFC 2046's 70, for senders that exceed it.</summary>
    public const int MaxBoundaryLength = 200;

    public MultipartRelatedReader(Stream source, string boundary)
    {
        // RFC 2046 5.1.1 allows 70 characters, but Orthanc's DICOMweb plugin sends 73 (two UUIDs): accept up to MaxBoundaryLength.
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new MultipartFormatException($"The multipart boundary must be 1 to {MaxBoundaryLength} characters (RFC 2046 5.1.1 allows 70).");
        }

        _source = source;
        _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
    }

    /// <summary>The next part, or null after the closing delimiter.</summary>
    public async Task<MultipartPart?> ReadNextPartAsync(CancellationToken ct)
    {
        if (_current is not null)
        {
            await _current.DrainAsync(ct).ConfigureAwait(false);
            _current = null;
        }

        if (_finished)
        {
            return null;
        }

        if (!_started)
        {
            await SkipPreambleAsync(ct).ConfigureAwait(false);
            _started = true;
        }
        else
        {
            await ConsumeDelimiterAsync(ct).ConfigureAwait(false);
        }

        // After a delimiter: "--" closes the body, otherwise optional whitespace then CRLF.
        await FillAsync(2, ct).ConfigureAwait(false);
        if (Available >= 2 && _buffer[_start] == '-' && _buffer[_start + 1] == '-')
        {
            _finished = true;
            return null;
        }

        await SkipLineAsync(ct).ConfigureAwait(false);
        var headers = await ReadHeadersAsync(ct).ConfigureAwait(false);
        _current = new PartStream(this);
        return new MultipartPart(headers, _current);
    }

    private int Available => _end - _start;

    private async Task SkipPreambleAsync(CancellationToken ct)
    {
        // The first delimiter may come without the leading CRLF.
        var first = _delimiter.AsMemory(2);
        await FillAsync(first.Length, ct).ConfigureAwait(false);
        if (Available >= first.Length && _buffer.AsSpan(_start, first.Length).SequenceEqual(first.Span))
        {
            _start += first.Length;
            return;
        }

        while (true)
        {
            var at = _buffer.AsSpan(_start, Available).IndexOf(_delimiter);
            if (at >= 0)
            {
                _start += at + _delimiter.Length;
                return;
            }

            if (_sourceDone)
            {
                throw new MultipartFormatException("The body holds no multipart boundary.");
            }

            _start = Math.Max(_start, _end - _delimiter.Length);
            await FillAsync(Available + 1, ct).ConfigureAwait(false);
        }
    }

    private async Task ConsumeDelimiterAsync(CancellationToken ct)
    {
        await FillAsync(_delimiter.Length, ct).ConfigureAwait(false);
        if (Available < _delimiter.Length || !_buffer.AsSpan(_start, _delimiter.Length).SequenceEqual(_delimiter))
        {
            throw new MultipartFormatException("A part ends without the boundary delimiter.");
        }

        _start += _delimiter.Length;
    }

    private async Task SkipLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var lf = _buffer.AsSpan(_start, Available).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                _start += lf + 1;
                return;
            }

            if (_sourceDone || Available > 1024)
            {
                throw new MultipartFormatException("The body ends inside a boundary line.");
            }

            await FillAsync(Available + 1, ct).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, string>> ReadHeadersAsync(CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var total = 0;
        while (true)
        {
            int lf;
            while ((lf = _buffer.AsSpan(_start, Available).IndexOf((byte)'\n')) < 0)
            {
                if (_sourceDone)
                {
                    throw new MultipartFormatException("The body ends inside the headers of a part.");
                }

                await FillAsync(Available + 1, ct).ConfigureAwait(false);
            }

            var line = Encoding.UTF8.GetString(_buffer, _start, lf).TrimEnd('\r');
            _start += lf + 1;
            total += lf + 1;
            if (total > MaxHeaderBytes)
            {
                throw new MultipartFormatException($"The headers of a part exceed {MaxHeaderBytes} bytes.");
            }

            if (line.Length == 0)
            {
                return headers;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new MultipartFormatException($"Malformed part header line '{line}'.");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
    }

    /// <summary>Ensures at least <paramref name="count"/> bytes are buffered, unless the source ends first.</summary>
    private async Task FillAsync(int count, CancellationToken ct)
    {
        if (count > BufferSize)
        {
            throw new MultipartFormatException("A multipart line is longer than the reader's buffer.");
        }

        while (Available < count && !_sourceDone)
        {
            if (_end == BufferSize || BufferSize - _start < count)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, Available);
                _end = Available;
                _start = 0;
            }

            var n = await _source.ReadAsync(_buffer.AsMemory(_end, BufferSize - _end), ct).ConfigureAwait(false);
            if (n == 0)
            {
                _sourceDone = true;
            }

            _end += n;
        }
    }

    /// <summary>Copies up to <paramref name="destination"/>.Length body bytes of the current part; 0 at its end.</summary>
    private async ValueTask<int> ReadPartAsync(Memory<byte> destination, CancellationToken ct)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, Available);
            var at = span.IndexOf(_delimiter);
            if (at == 0)
            {
                return 0;
            }

            // Bytes before a possible (partial) delimiter at the end of the buffer are certainly body bytes.
            var safe = at > 0 ? at : Math.Max(0, Available - (_delimiter.Length - 1));
            if (safe > 0)
            {
                var n = Math.Min(safe, destination.Length);
                span[..n].CopyTo(destination.Span);
                _start += n;
                return n;
            }

            if (_sourceDone)
            {
                throw new MultipartFormatException("The body ends inside a part (truncated upload).");
            }

            await FillAsync(Math.Min(BufferSize, Available + _delimiter.Length), ct).ConfigureAwait(false);
        }
    }

    private sealed class PartStream(MultipartRelatedReader reader) : Stream
    {
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException("A multipart part is a forward-only stream.");

        public override long Position
        {
            get => throw new NotSupportedException("A multipart part is a forward-only stream.");
            set => throw new NotSupportedException("A multipart part is a forward-only stream.");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_done || buffer.Length == 0)
            {
                return 0;
            }

            var n = await reader.ReadPartAsync(buffer, cancellationToken).ConfigureAwait(false);
            _done = n == 0;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public async Task DrainAsync(CancellationToken ct)
        {
            var scratch = new byte[16 * 1024];
            while (await ReadAsync(scratch, ct).ConfigureAwait(false) > 0)
            {
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A multipart part is a forward-only stream.");

        public override void SetLength(long value) => throw new NotSupportedException("A multipart part is a forward-only stream.");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A multipart part is read-only.");
    }
}
