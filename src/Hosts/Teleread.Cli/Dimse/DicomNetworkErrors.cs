using System.Net.Sockets;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Cli.Dimse;

/// <summary>One readable line for what can go wrong talking to a DICOM node (rejection with its reason, abort, timeout, refusal).</summary>
public static class DicomNetworkErrors
{
    /// <summary>Whether the failure is the network's or the peer's (reported, exit 1) rather than a bug.</summary>
    public static bool IsExpected(Exception exception, CancellationToken cancellationToken) => exception
        is DicomAssociationRejectedException or DicomAssociationAbortedException or DicomNetworkProtocolException or DicomOperationFailedException
        or DicomStorageCommitmentException
        or SocketException or TimeoutException or IOException or DicomDataException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static string Describe(Exception exception, DicomNode node) => exception switch
    {
        DicomAssociationRejectedException rejected =>
            $"{node} rejected the association ({(rejected.RejectResult == AssociateRejectResult.RejectedPermanent ? "permanent" : "transient")}): {Reason(rejected.RejectSource, rejected.RejectReason)}",
        DicomAssociationAbortedException aborted =>
            $"the association with {node} was aborted{(aborted.AbortedByPeer ? " by the peer" : "")}: {aborted.Message}",
        SocketException socket => $"cannot reach {node.Host}:{node.Port}: {socket.Message}",
        OperationCanceledException => $"no connection to {node.Host}:{node.Port} within {node.Timeout.TotalSeconds:0} s",
        TimeoutException timeout => $"{node}: {timeout.Message}",
        _ => $"{node}: {exception.Message}",
    };

    /// <summary>PS3.8 Table 9-21 in words.</summary>
    public static string Reason(AssociateRejectSource source, AssociateRejectReason reason) => (source, (byte)reason) switch
    {
        (AssociateRejectSource.ServiceUser, 1) => "no reason given (service user)",
        (AssociateRejectSource.ServiceUser, 2) => "application context name not supported",
        (AssociateRejectSource.ServiceUser, 3) => "calling AE title not recognized",
        (AssociateRejectSource.ServiceUser, 7) => "called AE title not recognized",
        (AssociateRejectSource.ServiceProviderAcse, 1) => "no reason given (service provider, ACSE)",
        (AssociateRejectSource.ServiceProviderAcse, 2) => "protocol version not supported",
        (AssociateRejectSource.ServiceProviderPresentation, 1) => "temporary congestion",
        (AssociateRejectSource.ServiceProviderPresentation, 2) => "local limit exceeded",
        _ => $"source {(byte)source}, reason {(byte)reason}",
    };
}
