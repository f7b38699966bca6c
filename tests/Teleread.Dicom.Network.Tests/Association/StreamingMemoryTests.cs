using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Association;

[CollectionDefinition(nameof(StreamingMemoryTests), DisableParallelization = true)]
public sealed class StreamingMemoryCollection;

/// <summary>A C-STORE-sized transfer must not be buffered whole on either side (allocation measured, run alone).</summary>
[Collection(nameof(StreamingMemoryTests))]
public class StreamingMemoryTests
{
    private const long Size = 64L * 1024 * 1024;

    [Fact]
    public async Task A_64_mib_data_set_crosses_an_association_allocating_a_small_fraction_of_its_size()
    {
        var received = new TaskCompletionSource<long>();
        var lengths = new List<long>();
        var policy = Loopback.VerificationPolicy();
        policy.MaximumPduLength = 64 * 1024;
        await using var server = Loopback.StartServer(policy, async (association, ct) =>
        {
            var buffer = new byte[64 * 1024];
            while (await association.ReceiveMessageAsync(ct) is { } message)
            {
                await using var dataSet = message.OpenDataSet();
                long total = 0;
                int read;
                while ((read = await dataSet.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                }

                lengths.Add(total);
            }

            received.SetResult(lengths[^1]);
        });
        var association = await Loopback.OpenAsync(server, Loopback.ClientOptions() with { MaximumPduLength = 64 * 1024 });
        var context = association.FindAcceptedContext(TestUids.Verification)!;

        // Warm the pools and code paths first so the measurement sees the steady state.
        await association.SendMessageAsync(context.Id, EchoCommands.Request(1), new PatternStream(1024 * 1024));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await association.SendMessageAsync(context.Id, EchoCommands.Request(2), new PatternStream(Size));
        await association.ReleaseAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Size, await received.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(allocated < Size / 16, $"Sending and receiving {Size} bytes allocated {allocated} bytes.");
    }

    /// <summary>Produces bytes without holding them: the sender never has the data set in memory.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            buffer[..count].Fill((byte)(_position >> 12));
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
