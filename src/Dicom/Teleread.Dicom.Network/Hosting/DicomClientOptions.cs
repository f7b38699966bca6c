using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network;

/// <summary>Settings of an SCU association request.</summary>
public sealed record DicomClientOptions
{
    public required string CallingAeTitle { get; init; }

    public required string CalledAeTitle { get; init; }

    /// <summary>Maximum-length-received we announce: the largest P-DATA-TF PDU-length we accept.</summary>
    public uint MaximumPduLength { get; init; } = 64 * 1024;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public DicomAssociationTimeouts Timeouts { get; init; } = new();

    public UserIdentityRequestSubItem? UserIdentity { get; init; }

    /// <summary>Proposed window; null proposes none (synchronous operation).</summary>
    public AsynchronousOperationsWindowSubItem? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<SopClassExtendedNegotiationSubItem> SopClassExtendedNegotiations { get; init; } = [];

    public DicomClientTlsOptions? Tls { get; init; }
}
