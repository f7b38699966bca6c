using Teleread.Dicom.Network;
using Teleread.Identity;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>Opens associations from our AE title to a clinic's registered <see cref="DicomNode"/> (TLS when the node asks for it).</summary>
public sealed class DicomNodeConnector(Microsoft.Extensions.Options.IOptions<TelereadOptions> options, ILoggerFactory loggers)
{
    public Task<DicomAssociation> OpenAsync(DicomNode node, IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken ct)
    {
        var dicom = options.Value.Dicom;
        var client = new DicomClient(new DicomClientOptions
        {
            CallingAeTitle = dicom.AeTitle,
            CalledAeTitle = node.AeTitle,
            MaximumPduLength = (uint)dicom.MaximumPduLength,
            ConnectTimeout = TimeSpan.FromSeconds(dicom.ArtimTimeoutSeconds),
            Timeouts = new DicomAssociationTimeouts
            {
                Artim = TimeSpan.FromSeconds(dicom.ArtimTimeoutSeconds),
                Idle = TimeSpan.FromSeconds(dicom.IdleTimeoutSeconds),
            },
            Tls = node.UseTls ? new DicomClientTlsOptions { TargetHost = node.Host } : null,
        }, loggers.CreateLogger<DicomClient>());
        return client.OpenAssociationAsync(node.Host, node.Port, proposals, ct);
    }
}
