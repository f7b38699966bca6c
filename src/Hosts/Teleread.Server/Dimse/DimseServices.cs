using Teleread.Identity;

namespace Teleread.Server.Dimse;

public static class DimseServices
{
    public static IServiceCollection AddDimse(this IServiceCollection services)
    {
        services.AddSingleton<ClinicAeDirectory>();
        services.AddSingleton<DicomNodeStore>();
        services.AddSingleton<DicomNodeConnector>();
        services.AddSingleton<DimseStoreHandler>();
        services.AddSingleton<DimseFindHandler>();
        services.AddSingleton<DimseGetHandler>();
        services.AddSingleton<DimseMoveHandler>();
        services.AddSingleton<DimseStorageCommitmentHandler>();
        services.AddSingleton<DimseListener>();
        services.AddHostedService(sp => sp.GetRequiredService<DimseListener>());
        return services;
    }
}
