namespace Teleread.Dicom.Network;

/// <summary>
/// Sends an N-EVENT-REPORT to the association requestor over the association it opened, when it is still
/// established and took the SCP role for the SOP class (PS3.4 J.3.3). Otherwise the reporter says so (null)
/// and the caller opens a new association.
/// </summary>
public sealed class DicomEventReporter
{
    private readonly Func<string, string, ushort, DicomDataset?, CancellationToken, Task<DicomNResult?>> _send;

    internal DicomEventReporter(Func<string, string, ushort, DicomDataset?, CancellationToken, Task<DicomNResult?>> send)
    {
        _send = send;
    }

    /// <summary>The peer's N-EVENT-REPORT-RSP, or null when this association cannot carry the report.</summary>
    public Task<DicomNResult?> TrySendAsync(string sopClassUid, string sopInstanceUid, ushort eventTypeId, DicomDataset? eventInformation, CancellationToken cancellationToken)
        => _send(sopClassUid, sopInstanceUid, eventTypeId, eventInformation, cancellationToken);
}
