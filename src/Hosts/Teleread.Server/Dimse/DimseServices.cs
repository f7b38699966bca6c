using System.ComponentModel.DataAnnotations;
using Teleread.Archive.Commitment;
using Teleread.Identity;

namespace Teleread.Server.Dimse;

public static class DimseServices
{
    public static IServiceCollection AddDimse(this IServiceCollection services, IConfiguration configuration)
    {
        var commitment = configuration.GetSection(StorageCommitmentOptions.Section).Get<StorageCommitmentOptions>() ?? new StorageCommitmentOptions();
        Validator.ValidateObject(commitment, new ValidationContext(commitment), validateAllProperties: true);
        services.AddSingleton(commitment);
        services.AddSingleton<ClinicAeDirectory>();
        services.AddSingleton<DicomNodeStore>();
        services.AddSingleton<DicomNodeConnector>();
        services.AddSingleton<DimseStoreHandler>();
        services.AddSingleton<DimseFindHandler>();
        services.AddSingleton<DimseGetHandler>();
        services.AddSingleton<DimseMoveHandler>();
        services.AddSingleton<ICommitmentReportOutbox, SqlCommitmentReportOutbox>();
        services.AddSingleton<ClinicNodeEventReporter>();
        services.AddSingleton<StorageCommitmentReportSender>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageCommitmentReportSender>());
        services.AddSingleton<DimseStorageCommitmentHandler>();
        services.AddSingleton<DimseListener>();
        services.AddHostedService(sp => sp.GetRequiredService<DimseListener>());
        return services;
    }
}
