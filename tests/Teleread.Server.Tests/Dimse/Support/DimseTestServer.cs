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

    public static async Task<DimseTestServer> StartAsync(string provider = "sqlite", params string[] extraArgs)
    {
        var server = await RunningServer.StartAsync(provider, null, null, ["--Teleread:Dicom:ListenOnEphemeralPort=true", .. extraArgs]);
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["MODALITY_A"], CancellationToken.None);
        var b = await identity.CreateClinicAsync("Clinic B", ["MODALITY_B"], CancellationToken.None);
        return new DimseTestServer(server, a, b);
    }

    public Task<DicomNode?> RegisterNodeAsync(Clinic clinic, string aeTitle, int port, bool useTls = false) =>
        Server.Service<DicomNodeStore>().AddAsync(clinic.Id, aeTitle, "127.0.0.1", port, useTls, CancellationToken.None);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
