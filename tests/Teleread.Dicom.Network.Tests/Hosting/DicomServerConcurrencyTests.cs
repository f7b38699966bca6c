using System.Diagnostics;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Hosting;

public class DicomServerConcurrencyTests
{
    private const int Associations = 200;

    [Fact]
    public async Task Two_hundred_concurrent_associations_each_echo_and_release()
    {
        var peak = 0;
        var options = new DicomServerOptions { MaximumAssociations = Associations, MaximumAssociationsPerCallingAe = Associations };
        var allOpen = new TaskCompletionSource();
        var opened = 0;
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), async (association, ct) =>
        {
            if (Interlocked.Increment(ref opened) == Associations)
            {
                allOpen.SetResult();
            }

            await Loopback.EchoHandlerAsync(association, ct);
        }, options);
        var clock = Stopwatch.StartNew();

        var clients = Enumerable.Range(0, Associations).Select(async i =>
        {
            await using var association = await Loopback.OpenAsync(server);
            // Hold every association open until all are, so they really are concurrent.
            await allOpen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            InterlockedMax(ref peak, server.ActiveAssociations);
            for (ushort m = 1; m <= 3; m++)
            {
                Assert.Equal(0, await Loopback.EchoAsync(association, m));
            }

            await association.ReleaseAsync();
        });
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(Associations, peak);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
