namespace Teleread.Dicom.Network;

/// <summary>Verification SCP (C-ECHO). Without a handler the dispatcher answers Success.</summary>
public interface IDicomEchoHandler
{
    ValueTask<DicomStatus> EchoAsync(DicomRequestContext context, CancellationToken cancellationToken);
}
