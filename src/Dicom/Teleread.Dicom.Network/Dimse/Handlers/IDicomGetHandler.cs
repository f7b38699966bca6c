namespace Teleread.Dicom.Network;

/// <summary>
/// Retrieve SCP (C-GET): the handler names the matching instances; the dispatcher sends each as a
/// C-STORE sub-operation on the same association (the SCU took the SCP role for its storage classes).
/// </summary>
public interface IDicomGetHandler
{
    ValueTask<IReadOnlyList<DicomInstanceSource>> GetAsync(DicomQueryRequest request, CancellationToken cancellationToken);
}
