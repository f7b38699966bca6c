using System.Net;
using Microsoft.Extensions.Options;
using Teleread.Dicom.Network;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>
/// The DICOM port of `teleread serve` (and its TLS port when one is configured): associations as
/// <see cref="DimseAssociationPolicy"/> decides, serving C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET and
/// Storage Commitment through the archive.
/// </summary>
public sealed class DimseListener(
    IOptions<TelereadOptions> options,
    ClinicAeDirectory clinics,
    DimseStoreHandler store,
    DimseFindHandler find,
    DimseGetHandler get,
    DimseMoveHandler move,
    DimseStorageCommitmentHandler commitment,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private DicomServer? _server;
    private DicomServer? _tlsServer;

    public IPEndPoint? LocalEndPoint => _server?.LocalEndPoint;

    /// <summary>The separate TLS listener, when Teleread:Dicom:Tls:Port is set.</summary>
    public IPEndPoint? TlsEndPoint => _tlsServer?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dicom = options.Value.Dicom;
        var policy = DimseAssociationPolicy.Create(dicom, clinics);
        var dispatcher = new DicomServiceDispatcher(loggers.CreateLogger<DicomServiceDispatcher>())
        {
            Echo = new EchoHandler(),
            Store = store,
            Find = find,
            Get = get,
            Move = move,
            NAction = commitment,
        };
        var log = loggers.CreateLogger<DimseListener>();
        if (dicom.Port != 0 || dicom.ListenOnEphemeralPort)
        {
            var tlsOnMainPort = dicom.Tls.Enabled && dicom.Tls.Port is null;
            _server = Start(tlsOnMainPort ? DimseServerOptions.Tls(dicom, dicom.Port) : DimseServerOptions.Plain(dicom, dicom.Port), policy, dispatcher);
            DimseLog.Listening(log, dicom.AeTitle, _server.LocalEndPoint.ToString());
        }

        if (dicom.Tls.Enabled && dicom.Tls.Port is { } tlsPort)
        {
            _tlsServer = Start(DimseServerOptions.Tls(dicom, tlsPort), policy, dispatcher);
            DimseLog.ListeningTls(log, dicom.AeTitle, _tlsServer.LocalEndPoint.ToString());
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.ShutdownTimeoutSeconds);
        foreach (var server in new[] { _server, _tlsServer })
        {
            if (server is not null)
            {
                await server.StopAsync(grace).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new[] { _server, _tlsServer })
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private DicomServer Start(DicomServerOptions serverOptions, DicomAssociationPolicy policy, DicomServiceDispatcher dispatcher)
    {
        var server = new DicomServer(serverOptions, policy, dispatcher.HandleAsync, loggers.CreateLogger<DicomServer>());
        server.Start();
        return server;
    }

    private sealed class EchoHandler : IDicomEchoHandler
    {
        public ValueTask<DicomStatus> EchoAsync(DicomRequestContext context, CancellationToken cancellationToken) => ValueTask.FromResult(DicomStatus.Success);
    }
}
