namespace Teleread.Server.Dimse;

/// <summary>DIMSE host log catalogue: event ids 1100–1199.</summary>
public static partial class DimseLog
{
    [LoggerMessage(1100, LogLevel.Information, "DICOM listener {AeTitle} on {EndPoint}")]
    public static partial void Listening(ILogger logger, string aeTitle, string endPoint);

    [LoggerMessage(1101, LogLevel.Information, "DICOM TLS listener {AeTitle} on {EndPoint}")]
    public static partial void ListeningTls(ILogger logger, string aeTitle, string endPoint);

    [LoggerMessage(1110, LogLevel.Warning, "C-MOVE from {CallingAe} to {Destination}: not a node of the caller's clinic (A801)")]
    public static partial void MoveDestinationUnknown(ILogger logger, string callingAe, string destination);

    [LoggerMessage(1111, LogLevel.Warning, "C-MOVE destination {Destination} at {Host}:{Port} unreachable: {Reason}")]
    public static partial void MoveDestinationUnreachable(ILogger logger, string destination, string host, int port, string reason);

    [LoggerMessage(1112, LogLevel.Warning, "C-MOVE sub-operation for {SopInstanceUid} failed: {Reason}")]
    public static partial void MoveSubOperationFailed(ILogger logger, string sopInstanceUid, string reason);

    [LoggerMessage(1120, LogLevel.Information, "Storage commitment {TransactionUid} from {CallingAe}: {Committed} committed, {Failed} failed")]
    public static partial void CommitmentChecked(ILogger logger, string transactionUid, string callingAe, int committed, int failed);

    [LoggerMessage(1121, LogLevel.Warning, "Storage commitment report {TransactionUid} for {CallingAe} not delivered (attempt {Attempt}): {Reason}; next attempt at {NextAttemptAt:O}")]
    public static partial void CommitmentReportNotDelivered(ILogger logger, string transactionUid, string callingAe, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1122, LogLevel.Information, "Storage commitment report {TransactionUid} delivered to node {CallingAe} of clinic {ClinicId} after {FailedAttempts} failed attempt(s)")]
    public static partial void CommitmentReportDelivered(ILogger logger, string transactionUid, string callingAe, string clinicId, int failedAttempts);

    [LoggerMessage(1123, LogLevel.Warning, "Storage commitment report {TransactionUid} for {CallingAe} of clinic {ClinicId} given up after {Attempts} attempt(s) since {CreatedAt:O}: {Reason}; kept as failed (GET /api/admin/dicom/commitment-reports)")]
    public static partial void CommitmentReportGivenUp(ILogger logger, string transactionUid, string callingAe, string clinicId, int attempts, DateTimeOffset createdAt, string reason);

    [LoggerMessage(1124, LogLevel.Error, "Storage commitment report round failed; the next round runs on schedule")]
    public static partial void CommitmentRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(1125, LogLevel.Information, "Storage commitment report {TransactionUid} for {CallingAe}: the requesting association could not take it ({Reason}); sending it to the clinic's node")]
    public static partial void CommitmentReportToNode(ILogger logger, string transactionUid, string callingAe, string reason);

    [LoggerMessage(1130, LogLevel.Warning, "C-STORE of {SopInstanceUid} from {CallingAe} refused with status 0x{Status:X4}: {Reason}")]
    public static partial void StoreRefused(ILogger logger, string sopInstanceUid, string callingAe, ushort status, string reason);
}
