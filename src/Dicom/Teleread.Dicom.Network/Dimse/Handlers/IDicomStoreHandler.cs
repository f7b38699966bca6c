namespace Teleread.Dicom.Network;

/// <summary>
/// Storage SCP (C-STORE). The data set streams in as the PDUs arrive (bounded memory); whatever
/// the handler leaves unread is skipped before the response is sent.
/// </summary>
public interface IDicomStoreHandler
{
    ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken);
}
