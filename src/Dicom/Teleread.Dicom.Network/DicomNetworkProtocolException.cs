using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// A peer sent bytes that break PS3.8. Names the PS3.8 field that was wrong and carries the
/// A-ABORT source and reason the association must be aborted with.
/// </summary>
public sealed class DicomNetworkProtocolException : Exception
{
    public DicomNetworkProtocolException(string field, string message,
        AbortReason reason = AbortReason.InvalidPduParameterValue,
        AbortSource source = AbortSource.ServiceProvider)
        : base($"PS3.8 {field}: {message}")
    {
        Field = field;
        AbortReason = reason;
        AbortSource = source;
    }

    public DicomNetworkProtocolException(string field, string message, Exception innerException,
        AbortReason reason = AbortReason.InvalidPduParameterValue)
        : base($"PS3.8 {field}: {message}", innerException)
    {
        Field = field;
        AbortReason = reason;
        AbortSource = AbortSource.ServiceProvider;
    }

    /// <summary>The PS3.8 field (PDU, item or sub-item field name) that was wrong.</summary>
    public string Field { get; }

    public AbortSource AbortSource { get; }

    public AbortReason AbortReason { get; }
}
