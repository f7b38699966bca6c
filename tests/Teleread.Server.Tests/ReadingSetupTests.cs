using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Reading.Application;
using Teleread.Server.Reading;

namespace Teleread.Server.Tests;

public sealed class ReadingSetupTests
{
    [Fact]
    public void Reading_options_are_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teleread:Reading:LockTtl"] = "00:05:00",
            ["Teleread:Reading:StudyStableFor"] = "00:00:30",
        }).Build();

        var options = new ServiceCollection().AddReading(configuration).BuildServiceProvider().GetRequiredService<ReadingOptions>();

        Assert.Equal(TimeSpan.FromMinutes(5), options.LockTtl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StudyStableFor);
        Assert.Equal(TimeSpan.FromSeconds(15), options.WorkerInterval);
        Assert.Equal(12, options.ExpectedMinutes(Teleread.Reading.Domain.ImagingModality.CT));
    }

    [Fact]
    public void A_non_positive_lock_lifetime_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teleread:Reading:LockTtl"] = "00:00:00" }).Build();
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddReading(configuration));
        Assert.Contains("LockTtl", ex.Message, StringComparison.Ordinal);
    }
}
