using System.Net;

namespace Teleread.Dicom.Network;

/// <summary>Settings of a <see cref="DicomStorageCommitmentListener"/>: where it listens and which AEs it talks to.</summary>
public sealed record DicomStorageCommitmentListenerOptions
{
    /// <summary>Our AE title as the SCP knows it: the called AE title of its association (others are rejected).</summary>
    public required string AeTitle { get; init; }

    /// <summary>Calling AE titles of the SCPs whose reports are taken (at least one); any other is rejected, calling AE title not recognized.</summary>
    public required IReadOnlyCollection<string> PeerAeTitles { get; init; }

    /// <summary>Address to listen on; loopback unless the SCP is on another machine.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (see <see cref="DicomStorageCommitmentListener.LocalEndPoint"/>).</summary>
    public int Port { get; init; }

    public DicomAssociationTimeouts Timeouts { get; init; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(AeTitle);
        if (PeerAeTitles.Count == 0 || PeerAeTitles.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one peer AE title, none blank.", nameof(PeerAeTitles));
        }
    }
}
