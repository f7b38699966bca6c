using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>Opens associations as the requestor (SCU side): connect, optional TLS, A-ASSOCIATE-RQ, AC or RJ under ARTIM.</summary>
public sealed class DicomClient(DicomClientOptions options, ILogger? logger = null)
{
    public DicomClientOptions Options { get; } = options;

    public async Task<DicomAssociation> OpenAssociationAsync(string host, int port, IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? transport = null;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(Options.ConnectTimeout);
                await socket.ConnectAsync(host, port, connectTimeout.Token).ConfigureAwait(false);
            }

            transport = new NetworkStream(socket, ownsSocket: true);
            if (Options.Tls is { } tls)
            {
                var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
                transport = ssl;
                using var artim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                artim.CancelAfter(Options.Timeouts.Artim);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = tls.TargetHost,
                    ClientCertificates = tls.ClientCertificates,
                    RemoteCertificateValidationCallback = tls.ServerCertificateValidation,
                    EnabledSslProtocols = tls.Protocols,
                }, artim.Token).ConfigureAwait(false);
            }

            return await OpenAssociationAsync(transport, socket.RemoteEndPoint, proposals, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>Negotiates over a connected transport (which the association then owns).</summary>
    public async Task<DicomAssociation> OpenAssociationAsync(Stream transport, EndPoint? remoteEndPoint, IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken cancellationToken = default)
    {
        if (proposals.Count is 0 or > 128)
        {
            throw new ArgumentException($"Between 1 and 128 presentation contexts can be proposed; got {proposals.Count}.", nameof(proposals));
        }

        var request = BuildRequest(proposals);
        await DicomAssociation.WritePduAsync(transport, request, cancellationToken).ConfigureAwait(false);

        var reader = new PduReader(transport, checked((int)Math.Min(Options.MaximumPduLength, int.MaxValue)));
        using var artim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        artim.CancelAfter(Options.Timeouts.Artim);
        Pdu? answer;
        try
        {
            answer = await reader.ReadAsync(artim.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await AbortQuietlyAsync(transport, AbortReason.ReasonNotSpecified).ConfigureAwait(false);
            throw new TimeoutException($"No answer to A-ASSOCIATE-RQ within {Options.Timeouts.Artim}.");
        }
        catch (DicomNetworkProtocolException exception)
        {
            await AbortQuietlyAsync(transport, exception.AbortReason).ConfigureAwait(false);
            throw;
        }

        switch (answer)
        {
            case AssociateAcceptPdu accept:
                IReadOnlyList<DicomPresentationContext> contexts;
                try
                {
                    contexts = MatchContexts(request, accept);
                }
                catch (DicomNetworkProtocolException exception)
                {
                    await AbortQuietlyAsync(transport, exception.AbortReason).ConfigureAwait(false);
                    throw;
                }

                return new DicomAssociation(transport, reader, isRequestor: true, request, accept, contexts, remoteEndPoint, Options.Timeouts, logger);
            case AssociateRejectPdu reject:
                await transport.DisposeAsync().ConfigureAwait(false);
                throw new DicomAssociationRejectedException(reject.Result, reject.Source, reject.Reason);
            case AbortPdu abort:
                await transport.DisposeAsync().ConfigureAwait(false);
                throw new DicomAssociationAbortedException($"The peer aborted the association request ({abort.Source}, {abort.Reason}).", abort.Source, abort.Reason, abortedByPeer: true);
            case null:
                await transport.DisposeAsync().ConfigureAwait(false);
                throw new DicomAssociationAbortedException("The peer closed the connection instead of answering A-ASSOCIATE-RQ.", AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, abortedByPeer: true);
            default:
                (answer as IDisposable)?.Dispose();
                await AbortQuietlyAsync(transport, AbortReason.UnexpectedPdu).ConfigureAwait(false);
                throw new DicomNetworkProtocolException("PDU-type", $"{answer.Type} does not answer an A-ASSOCIATE-RQ.", AbortReason.UnexpectedPdu);
        }
    }

    private AssociateRequestPdu BuildRequest(IReadOnlyList<DicomPresentationContextProposal> proposals)
    {
        var items = new List<PresentationContextRequestItem>(proposals.Count);
        var roles = new List<RoleSelectionSubItem>();
        for (var i = 0; i < proposals.Count; i++)
        {
            var proposal = proposals[i];
            items.Add(new PresentationContextRequestItem((byte)(2 * i + 1), proposal.AbstractSyntax, proposal.TransferSyntaxes));
            if (proposal.ProposedRoles is { } proposed && !roles.Exists(r => r.SopClassUid == proposal.AbstractSyntax))
            {
                roles.Add(new RoleSelectionSubItem(proposal.AbstractSyntax, proposed.Scu, proposed.Scp));
            }
        }

        return new AssociateRequestPdu
        {
            CalledAeTitle = AeTitle.Validate(Options.CalledAeTitle, nameof(Options.CalledAeTitle)),
            CallingAeTitle = AeTitle.Validate(Options.CallingAeTitle, nameof(Options.CallingAeTitle)),
            PresentationContexts = items,
            UserInformation = new UserInformationItem
            {
                MaximumLength = Options.MaximumPduLength,
                ImplementationClassUid = DicomImplementation.ClassUid,
                ImplementationVersionName = DicomImplementation.VersionName,
                AsynchronousOperationsWindow = Options.AsynchronousOperationsWindow,
                RoleSelections = roles,
                SopClassExtendedNegotiations = Options.SopClassExtendedNegotiations,
                UserIdentityRequest = Options.UserIdentity,
            },
        };
    }

    private static List<DicomPresentationContext> MatchContexts(AssociateRequestPdu request, AssociateAcceptPdu accept)
    {
        var contexts = new List<DicomPresentationContext>(request.PresentationContexts.Count);
        foreach (var item in accept.PresentationContexts)
        {
            if (!request.PresentationContexts.Any(p => p.PresentationContextId == item.PresentationContextId))
            {
                throw new DicomNetworkProtocolException("Presentation Context Item (AC) Presentation-context-ID",
                    $"context {item.PresentationContextId} was never proposed.");
            }
        }

        foreach (var proposed in request.PresentationContexts)
        {
            var answer = accept.PresentationContexts.FirstOrDefault(a => a.PresentationContextId == proposed.PresentationContextId);
            var result = answer?.Result ?? PresentationContextResult.NoReason;
            string? transferSyntax = null;
            if (result == PresentationContextResult.Acceptance)
            {
                transferSyntax = answer!.TransferSyntax;
                if (!proposed.TransferSyntaxes.Contains(transferSyntax!))
                {
                    throw new DicomNetworkProtocolException("Presentation Context Item (AC) Transfer Syntax Sub-Item",
                        $"context {proposed.PresentationContextId} accepted with {transferSyntax}, which was not proposed.");
                }
            }

            var role = accept.UserInformation.RoleSelections.FirstOrDefault(r => r.SopClassUid == proposed.AbstractSyntax);
            var proposedRole = request.UserInformation.RoleSelections.FirstOrDefault(r => r.SopClassUid == proposed.AbstractSyntax);
            var (scu, scp) = proposedRole is not null && role is not null
                ? (role.ScuRole && proposedRole.ScuRole, role.ScpRole && proposedRole.ScpRole)
                : (true, false);
            contexts.Add(new DicomPresentationContext(proposed.PresentationContextId, proposed.AbstractSyntax, result, transferSyntax, scu, scp));
        }

        return contexts;
    }

    private static async Task AbortQuietlyAsync(Stream transport, AbortReason reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await DicomAssociation.WritePduAsync(transport, new AbortPdu(AbortSource.ServiceProvider, reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing more can be told to a peer that is gone.
        }
        finally
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }
    }
}
