using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// The acceptor's rules for an A-ASSOCIATE-RQ: which abstract syntaxes are accepted with which
/// transfer syntaxes (in server preference order: the first of ours the requestor also proposed
/// wins), which roles a requestor may take, hooks for AE titles and user identity, and the
/// Maximum Length and asynchronous operations window we announce.
/// </summary>
public sealed class DicomAssociationPolicy
{
    private readonly Dictionary<string, string[]> _transferSyntaxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Scu, bool Scp)> _roles = new(StringComparer.Ordinal);
    private string[]? _anyAbstractSyntaxTransferSyntaxes;

    /// <summary>Maximum-length-received we announce: the largest P-DATA-TF PDU-length we accept.</summary>
    public uint MaximumPduLength { get; set; } = 64 * 1024;

    /// <summary>The window we can support; null means synchronous operation (no sub-item is sent back).</summary>
    public AsynchronousOperationsWindowSubItem? AsynchronousOperationsWindow { get; set; }

    /// <summary>Decides on AE titles and peers; return null to go on, or a rejection to send A-ASSOCIATE-RJ.</summary>
    public Func<DicomAssociationRequest, CancellationToken, ValueTask<DicomAssociationRejection?>>? RequestValidator { get; set; }

    /// <summary>Validates a User Identity sub-item; a rejected identity ends in A-ASSOCIATE-RJ permanent, service-user, no-reason-given.</summary>
    public Func<DicomAssociationRequest, UserIdentityRequestSubItem, CancellationToken, ValueTask<DicomUserIdentityResult>>? UserIdentityValidator { get; set; }

    /// <summary>
    /// When true, the first transfer syntax the requestor proposed that we accept wins (an archive keeps what the sender
    /// chose, e.g. the JPEG a file already is); when false (default), our preference order decides.
    /// </summary>
    public bool PreferRequestorTransferSyntaxOrder { get; set; }

    /// <summary>When true, a request without a User Identity sub-item is rejected.</summary>
    public bool RequireUserIdentity { get; set; }

    /// <summary>Accepts <paramref name="abstractSyntax"/> with the given transfer syntaxes, most preferred first.</summary>
    public DicomAssociationPolicy Accept(string abstractSyntax, params string[] transferSyntaxesInPreferenceOrder)
    {
        ArgumentOutOfRangeException.ThrowIfZero(transferSyntaxesInPreferenceOrder.Length);
        _transferSyntaxes[abstractSyntax] = transferSyntaxesInPreferenceOrder;
        return this;
    }

    /// <summary>Accepts every abstract syntax not listed by <see cref="Accept"/> with these transfer syntaxes (a storage SCP taking all SOP classes).</summary>
    public DicomAssociationPolicy AcceptAnyAbstractSyntax(params string[] transferSyntaxesInPreferenceOrder)
    {
        ArgumentOutOfRangeException.ThrowIfZero(transferSyntaxesInPreferenceOrder.Length);
        _anyAbstractSyntaxTransferSyntaxes = transferSyntaxesInPreferenceOrder;
        return this;
    }

    /// <summary>Allows the requestor to take these roles for <paramref name="sopClassUid"/> when it proposes them by role selection.</summary>
    public DicomAssociationPolicy AllowRoles(string sopClassUid, bool scu, bool scp)
    {
        _roles[sopClassUid] = (scu, scp);
        return this;
    }

    /// <summary>Roles a requestor may take for SOP classes not named by <see cref="AllowRoles"/> (default SCU only); e.g. SCP for every storage class of a C-GET SCP.</summary>
    public DicomAssociationPolicy AllowRolesForAnyAbstractSyntax(bool scu, bool scp)
    {
        _defaultRoles = (scu, scp);
        return this;
    }

    private (bool Scu, bool Scp) _defaultRoles = (true, false);

    public async ValueTask<DicomAssociationNegotiation> NegotiateAsync(DicomAssociationRequest request, CancellationToken cancellationToken = default)
    {
        var rq = request.Pdu;
        if ((rq.ProtocolVersion & 1) == 0)
        {
            return DicomAssociationNegotiation.Rejected(new DicomAssociationRejection(
                AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, AssociateRejectReason.ProtocolVersionNotSupported));
        }

        if (rq.ApplicationContextName != ApplicationContextItem.DicomApplicationContextName)
        {
            return DicomAssociationNegotiation.Rejected(new DicomAssociationRejection(
                AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.ApplicationContextNameNotSupported));
        }

        if (RequestValidator is not null && await RequestValidator(request, cancellationToken).ConfigureAwait(false) is { } rejection)
        {
            return DicomAssociationNegotiation.Rejected(rejection);
        }

        UserIdentityAcceptSubItem? identityAccept = null;
        var identity = rq.UserInformation.UserIdentityRequest;
        if (identity is null && RequireUserIdentity)
        {
            return DicomAssociationNegotiation.Rejected(DicomAssociationRejection.NoReasonGiven);
        }

        if (identity is not null && UserIdentityValidator is not null)
        {
            var verdict = await UserIdentityValidator(request, identity, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsAccepted)
            {
                return DicomAssociationNegotiation.Rejected(DicomAssociationRejection.NoReasonGiven);
            }

            if (identity.PositiveResponseRequested)
            {
                identityAccept = new UserIdentityAcceptSubItem(verdict.ServerResponse);
            }
        }

        var roleReplies = new List<RoleSelectionSubItem>();
        foreach (var proposed in rq.UserInformation.RoleSelections)
        {
            var allowed = _roles.TryGetValue(proposed.SopClassUid, out var roles) ? roles : _defaultRoles;
            roleReplies.Add(new RoleSelectionSubItem(proposed.SopClassUid, proposed.ScuRole && allowed.Scu, proposed.ScpRole && allowed.Scp));
        }

        var contexts = new List<DicomPresentationContext>(rq.PresentationContexts.Count);
        var acceptItems = new List<PresentationContextAcceptItem>(rq.PresentationContexts.Count);
        var seen = new HashSet<byte>();
        foreach (var proposed in rq.PresentationContexts)
        {
            var (result, transferSyntax) = (proposed.PresentationContextId & 1) == 0 || !seen.Add(proposed.PresentationContextId)
                ? (PresentationContextResult.NoReason, null)
                : ChooseTransferSyntax(proposed);
            var role = roleReplies.Find(r => r.SopClassUid == proposed.AbstractSyntax);
            contexts.Add(new DicomPresentationContext(proposed.PresentationContextId, proposed.AbstractSyntax, result, transferSyntax,
                role?.ScuRole ?? true, role?.ScpRole ?? false));
            acceptItems.Add(new PresentationContextAcceptItem(proposed.PresentationContextId, result,
                transferSyntax ?? proposed.TransferSyntaxes[0]));
        }

        var accept = new AssociateAcceptPdu
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            PresentationContexts = acceptItems,
            UserInformation = new UserInformationItem
            {
                MaximumLength = MaximumPduLength,
                ImplementationClassUid = DicomImplementation.ClassUid,
                ImplementationVersionName = DicomImplementation.VersionName,
                AsynchronousOperationsWindow = NegotiateWindow(rq.UserInformation.AsynchronousOperationsWindow),
                RoleSelections = roleReplies,
                UserIdentityAccept = identityAccept,
            },
        };
        return new DicomAssociationNegotiation(accept, null, contexts);
    }

    private (PresentationContextResult, string?) ChooseTransferSyntax(PresentationContextRequestItem proposed)
    {
        if (!_transferSyntaxes.TryGetValue(proposed.AbstractSyntax, out var ours))
        {
            ours = _anyAbstractSyntaxTransferSyntaxes;
            if (ours is null)
            {
                return (PresentationContextResult.AbstractSyntaxNotSupported, null);
            }
        }

        if (PreferRequestorTransferSyntaxOrder)
        {
            foreach (var theirs in proposed.TransferSyntaxes)
            {
                if (Array.IndexOf(ours, theirs) >= 0)
                {
                    return (PresentationContextResult.Acceptance, theirs);
                }
            }
        }

        foreach (var candidate in ours)
        {
            foreach (var theirs in proposed.TransferSyntaxes)
            {
                if (candidate == theirs)
                {
                    return (PresentationContextResult.Acceptance, candidate);
                }
            }
        }

        return (PresentationContextResult.TransferSyntaxesNotSupported, null);
    }

    private AsynchronousOperationsWindowSubItem? NegotiateWindow(AsynchronousOperationsWindowSubItem? proposed)
    {
        if (proposed is null || AsynchronousOperationsWindow is null)
        {
            return null;
        }

        // Each side states what it invokes and performs; we never invoke more than the requestor
        // performs, nor perform more than it may invoke.
        return new AsynchronousOperationsWindowSubItem(
            Smaller(proposed.MaximumOperationsPerformed, AsynchronousOperationsWindow.MaximumOperationsInvoked),
            Smaller(proposed.MaximumOperationsInvoked, AsynchronousOperationsWindow.MaximumOperationsPerformed));

        // Zero means unlimited, so it loses to any finite number.
        static ushort Smaller(ushort a, ushort b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);
    }
}
