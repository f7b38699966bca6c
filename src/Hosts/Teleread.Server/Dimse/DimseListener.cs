using System.Net;
using Microsoft.Extensions.Options;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>
/// The DICOM port of `teleread serve`: accepts associations called to our AE title from AE titles that belong
/// to a clinic (others get A-ASSOCIATE-RJ "calling AE title not recognized"), every SOP class in any
/// transfer syntax the core knows (so a sender keeps its images as they are), and serves C-ECHO, C-STORE,
/// C-FIND and C-GET through the archive.
/// </summary>
public sealed class DimseListener(
    IOptions<TelereadOptions> options,
    ClinicAeDirectory clinics,
    DimseStoreHandler store,
    DimseFindHandler find,
    DimseGetHandler get,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private DicomServer? _server;

    public IPEndPoint? LocalEndPoint => _server?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dicom = options.Value.Dicom;
        if (dicom.Port == 0 && !dicom.ListenOnEphemeralPort)
        {
            return Task.CompletedTask;
        }

        var preferred = new[] { DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid };
        var syntaxes = preferred.Concat(DicomTransferSyntax.All.Select(t => t.Uid).Where(u => !preferred.Contains(u))).ToArray();
        var policy = new DicomAssociationPolicy().AcceptAnyAbstractSyntax(syntaxes);
        policy.MaximumPduLength = 256 * 1024;
        policy.RequestValidator = async (request, ct) =>
            !string.Equals(request.CalledAeTitle.Trim(), dicom.AeTitle, StringComparison.Ordinal) ? DicomAssociationRejection.CalledAeTitleNotRecognized
            : await clinics.FindClinicAsync(request.CallingAeTitle, ct).ConfigureAwait(false) is null ? DicomAssociationRejection.CallingAeTitleNotRecognized
            : null;
        var dispatcher = new DicomServiceDispatcher(loggers.CreateLogger<DicomServiceDispatcher>())
        {
            Echo = new EchoHandler(),
            Store = store,
            Find = find,
            Get = get,
        };
        _server = new DicomServer(
            new DicomServerOptions { BindAddress = IPAddress.Parse(dicom.BindAddress), Port = dicom.Port },
            policy, dispatcher.HandleAsync, loggers.CreateLogger<DicomServer>());
        _server.Start();
        DimseLog.Listening(loggers.CreateLogger<DimseListener>(), dicom.AeTitle, _server.LocalEndPoint.ToString());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(TimeSpan.FromSeconds(options.Value.ShutdownTimeoutSeconds)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class EchoHandler : IDicomEchoHandler
    {
        public ValueTask<DicomStatus> EchoAsync(DicomRequestContext context, CancellationToken cancellationToken) => ValueTask.FromResult(DicomStatus.Success);
    }
}
