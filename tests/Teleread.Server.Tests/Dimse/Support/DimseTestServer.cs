using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Identity;
using Teleread.Server.Dimse;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>A running server with its DICOM port on 127.0.0.1:0 and two clinics: A (device MODALITY_A) and B (device MODALITY_B).</summary>
public sealed class DimseTestServer : IAsyncDisposable
{
    private DimseTestServer(RunningServer server, Clinic clinicA, Clinic clinicB)
    {
        Server = server;
        ClinicA = clinicA;
        ClinicB = clinicB;
    }

    public RunningServer Server { get; }

    public Clinic ClinicA { get; }

    public Clinic ClinicB { get; }

    public int Port => Server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port;

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public static Task<DimseTestServer> StartAsync(string provider = "sqlite", params string[] extraArgs) => StartAsync(provider, null, extraArgs);

    /// <summary>Starts on <paramref name="provider"/>; <paramref name="services"/> may replace services (a clock, options).</summary>
    public static async Task<DimseTestServer> StartAsync(string provider, Action<IServiceCollection>? services, params string[] extraArgs)
    {
        var server = await RunningServer.StartAsync(provider, null, b => services?.Invoke(b.Services), ["--Teleread:Dicom:ListenOnEphemeralPort=true", .. extraArgs]);
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["MODALITY_A"], CancellationToken.None);
        var b = await identity.CreateClinicAsync("Clinic B", ["MODALITY_B"], CancellationToken.None);
        return new DimseTestServer(server, a, b);
    }

    public Task<DicomNode?> RegisterNodeAsync(Clinic clinic, string aeTitle, int port, bool useTls = false) =>
        Server.Service<DicomNodeStore>().AddAsync(clinic.Id, aeTitle, "127.0.0.1", port, useTls, CancellationToken.None);

    /// <summary>Stops the server and starts it again on the same data and database (see <see cref="RunningServer.RestartAsync"/>).</summary>
    public async Task<DimseTestServer> RestartAsync(Action<IServiceCollection>? services = null) =>
        new(await Server.RestartAsync(b => services?.Invoke(b.Services)), ClinicA, ClinicB);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
