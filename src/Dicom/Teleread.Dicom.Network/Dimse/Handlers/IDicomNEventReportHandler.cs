namespace Teleread.Dicom.Network;

/// <summary>N-EVENT-REPORT receiver (e.g. Storage Commitment results).</summary>
public interface IDicomNEventReportHandler
{
    ValueTask<DicomNResult> EventReportAsync(DicomNRequest request, CancellationToken cancellationToken);
}
