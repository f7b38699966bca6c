using System.Diagnostics;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Pdus;

/// <summary>
/// Random mutations (fixed seed, bounded count and time) of valid PDUs: the reader may return a
/// PDU, report a clean end, or throw <see cref="DicomNetworkProtocolException"/> — nothing else.
/// </summary>
public class PduReaderFuzzTests
{
    private const int Iterations = 200_000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Mutated_pdus_only_ever_yield_a_pdu_or_a_protocol_exception()
    {
        var random = new Random(20261124);
        var seeds = SamplePdus.All().Select(p => p.ToArray()).ToArray();
        var clock = Stopwatch.StartNew();
        var outcomes = new int[3];
        var iteration = 0;
        for (; iteration < Iterations && clock.Elapsed < TimeBudget; iteration++)
        {
            var bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            var reader = new PduReader(new MemoryStream(bytes), 16384, 16384);
            try
            {
                while (await reader.ReadAsync() is { } pdu)
                {
                    // Writing what was read must work for anything the reader accepted.
                    _ = pdu.ToArray();
                    (pdu as IDisposable)?.Dispose();
                    outcomes[0]++;
                }

                outcomes[1]++;
            }
            catch (DicomNetworkProtocolException exception)
            {
                Assert.False(string.IsNullOrEmpty(exception.Field));
                outcomes[2]++;
            }
            catch (Exception exception)
            {
                Assert.Fail($"Iteration {iteration} on {Convert.ToHexString(bytes)} threw {exception}");
            }
        }

        Assert.True(iteration >= 1000, $"Only {iteration} iterations ran within the time budget.");
        Assert.True(outcomes[2] > 0 && outcomes[0] > 0, $"Mutations should both pass and fail: {string.Join(',', outcomes)}");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = (byte[])seed.Clone();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(6))
            {
                case 3 when bytes.Length >= 2:
                    // Hit length fields: any 16-bit position set to a random length.
                    var at = random.Next(bytes.Length - 1);
                    bytes[at] = (byte)random.Next(256);
                    bytes[at + 1] = (byte)random.Next(256);
                    break;
                case 0 or 3:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes = bytes[..random.Next(bytes.Length)];
                    if (bytes.Length == 0)
                    {
                        return bytes;
                    }

                    break;
                case 4:
                    var insertAt = random.Next(bytes.Length);
                    bytes = [.. bytes[..insertAt], (byte)random.Next(256), .. bytes[insertAt..]];
                    break;
                default:
                    // Keep the PDU-length consistent so the body parsers, not the framing, see the damage.
                    if (bytes.Length >= 6)
                    {
                        var length = (uint)(bytes.Length - 6);
                        bytes[2] = (byte)(length >> 24);
                        bytes[3] = (byte)(length >> 16);
                        bytes[4] = (byte)(length >> 8);
                        bytes[5] = (byte)length;
                    }

                    break;
            }
        }

        return bytes;
    }
}
