namespace Teleread.Dicom.Network;

/// <summary>
/// The answer to an N-service request: a status and an optional reply data set. <see cref="AfterResponse"/>
/// runs once the response has been sent, with a <see cref="DicomEventReporter"/> for N-EVENT-REPORTs on the
/// same association (e.g. Storage Commitment results).
/// </summary>
public sealed record DicomNResult(DicomStatus Status, DicomDataset? DataSet = null)
{
    public Func<DicomEventReporter, CancellationToken, Task>? AfterResponse { get; init; }
}
