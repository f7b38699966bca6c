using System.Net;
using Microsoft.Extensions.Logging;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>Log catalogue of the DICOM network layer; event ids 3000–3099. AE titles and addresses only, never patient data.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(3000, LogLevel.Information, "DICOM server listening on {EndPoint}")]
    public static partial void ServerStarted(ILogger logger, EndPoint endPoint);

    [LoggerMessage(3001, LogLevel.Information, "DICOM server on {EndPoint} stopped; {Aborted} association(s) aborted at the deadline")]
    public static partial void ServerStopped(ILogger logger, EndPoint endPoint, int aborted);

    [LoggerMessage(3002, LogLevel.Information, "Association accepted: {CallingAe} -> {CalledAe} from {RemoteEndPoint}, {Accepted}/{Proposed} presentation contexts")]
    public static partial void AssociationAccepted(ILogger logger, string callingAe, string calledAe, EndPoint? remoteEndPoint, int accepted, int proposed);

    [LoggerMessage(3003, LogLevel.Warning, "Association rejected: {CallingAe} -> {CalledAe} from {RemoteEndPoint}: {Result}, source {Source}, reason {Reason}")]
    public static partial void AssociationRejected(ILogger logger, string callingAe, string calledAe, EndPoint? remoteEndPoint, AssociateRejectResult result, AssociateRejectSource source, byte reason);

    [LoggerMessage(3004, LogLevel.Warning, "Association with {RemoteEndPoint} aborted (source {Source}, reason {Reason}): {Message}")]
    public static partial void AssociationAborted(ILogger logger, EndPoint? remoteEndPoint, AbortSource source, AbortReason reason, string message);

    [LoggerMessage(3005, LogLevel.Warning, "Connection from {RemoteEndPoint} failed before an association was established: {Message}")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint? remoteEndPoint, string message);

    [LoggerMessage(3006, LogLevel.Error, "Association handler for {CallingAe} from {RemoteEndPoint} failed")]
    public static partial void HandlerFailed(ILogger logger, string callingAe, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(3007, LogLevel.Debug, "Association {CallingAe} -> {CalledAe} released")]
    public static partial void AssociationReleased(ILogger logger, string callingAe, string calledAe);

    [LoggerMessage(3008, LogLevel.Error, "DIMSE handler for {CommandField} from {CallingAe} failed")]
    public static partial void DimseHandlerFailed(ILogger logger, DicomCommandField commandField, string callingAe, Exception exception);
}
