namespace Teleread.Dicom.Network;

/// <summary>
/// Query SCP (C-FIND). Each yielded identifier becomes a pending response; the token is
/// cancelled when the SCU sends C-CANCEL, and the final response is then Cancel.
/// </summary>
public interface IDicomFindHandler
{
    IAsyncEnumerable<DicomDataset> FindAsync(DicomQueryRequest request, CancellationToken cancellationToken);
}
