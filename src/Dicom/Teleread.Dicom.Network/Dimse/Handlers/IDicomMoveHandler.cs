namespace Teleread.Dicom.Network;

/// <summary>
/// Retrieve SCP (C-MOVE): the handler performs the C-STORE sub-operations to the move destination
/// itself and yields progress. A yielded non-pending status ends the operation with it; otherwise
/// the final status follows from the last counts. C-CANCEL cancels the token.
/// </summary>
public interface IDicomMoveHandler
{
    IAsyncEnumerable<DicomOperationProgress> MoveAsync(DicomQueryRequest request, CancellationToken cancellationToken);
}
