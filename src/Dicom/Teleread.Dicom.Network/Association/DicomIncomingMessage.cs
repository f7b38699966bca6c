namespace Teleread.Dicom.Network;

/// <summary>
/// A received message: its command set bytes (group 0000, implicit VR little endian) and, when the
/// command says a data set follows, a stream over the data set fragments as they arrive.
/// </summary>
public sealed class DicomIncomingMessage
{
    private readonly DicomAssociation _association;

    internal DicomIncomingMessage(DicomAssociation association, DicomPresentationContext presentationContext, ReadOnlyMemory<byte> command)
    {
        _association = association;
        PresentationContext = presentationContext;
        Command = command;
    }

    public DicomPresentationContext PresentationContext { get; }

    public ReadOnlyMemory<byte> Command { get; }

    /// <summary>
    /// Opens the data set that follows the command. The stream ends after the last fragment; it
    /// holds at most one PDU at a time. Call only when the command announces a data set, and read
    /// it before receiving the next message (what is left unread is skipped).
    /// </summary>
    public Stream OpenDataSet() => _association.OpenDataSet(PresentationContext);

    /// <summary>
    /// Hands each data set fragment to <paramref name="consumer"/> straight from the received PDU
    /// (no copy); the memory is valid only during the call. Returns after the last fragment.
    /// </summary>
    public ValueTask ReadDataSetAsync(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> consumer, CancellationToken cancellationToken = default)
        => _association.ReadDataSetAsync(PresentationContext, consumer, cancellationToken);
}
