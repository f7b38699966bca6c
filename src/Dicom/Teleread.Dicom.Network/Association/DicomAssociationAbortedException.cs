using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>The association ended by A-ABORT (sent by the peer or by us), a timeout or a lost connection.</summary>
public sealed class DicomAssociationAbortedException : Exception
{
    public DicomAssociationAbortedException(string message, AbortSource source, AbortReason reason, bool abortedByPeer, Exception? innerException = null)
        : base(message, innerException)
    {
        AbortSource = source;
        AbortReason = reason;
        AbortedByPeer = abortedByPeer;
    }

    public AbortSource AbortSource { get; }

    public AbortReason AbortReason { get; }

    public bool AbortedByPeer { get; }
}
