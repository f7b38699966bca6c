namespace Teleread.Dicom.Network;

/// <summary>N-ACTION SCP (e.g. Storage Commitment Push Model requests).</summary>
public interface IDicomNActionHandler
{
    ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken);
}
