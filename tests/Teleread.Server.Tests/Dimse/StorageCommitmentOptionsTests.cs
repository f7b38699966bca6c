using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Server.Dimse;

namespace Teleread.Server.Tests.Dimse;

public sealed class StorageCommitmentOptionsTests
{
    [Fact]
    public void The_readme_keys_under_Teleread_Dicom_StorageCommitment_set_the_options()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teleread:Dicom:StorageCommitment:RetryInitialDelay"] = "00:00:30",
            ["Teleread:Dicom:StorageCommitment:RetryMaximumDelay"] = "01:00:00",
            ["Teleread:Dicom:StorageCommitment:GiveUpAfter"] = "2.00:00:00",
            ["Teleread:Dicom:StorageCommitment:PollInterval"] = "00:00:01",
        }).Build();

        using var services = new ServiceCollection().AddDimse(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<StorageCommitmentOptions>();

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromDays(2), TimeSpan.FromSeconds(1)),
            (options.RetryInitialDelay, options.RetryMaximumDelay, options.GiveUpAfter, options.PollInterval));
    }

    [Fact]
    public void A_maximum_delay_below_the_initial_delay_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teleread:Dicom:StorageCommitment:RetryInitialDelay"] = "00:05:00",
            ["Teleread:Dicom:StorageCommitment:RetryMaximumDelay"] = "00:01:00",
        }).Build();

        var error = Assert.Throws<ValidationException>(() => new ServiceCollection().AddDimse(configuration));

        Assert.Contains("RetryMaximumDelay", error.Message, StringComparison.Ordinal);
    }
}
