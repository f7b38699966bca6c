namespace Teleread.Dicom.Network;

/// <summary>
/// Verdict of a user identity validation hook (PS3.7 D.3.3.7). An accepted identity may carry a
/// server response (e.g. a Kerberos server ticket) sent back when the requestor asked for one.
/// </summary>
public sealed record DicomUserIdentityResult(bool IsAccepted, ReadOnlyMemory<byte> ServerResponse)
{
    public static DicomUserIdentityResult Accepted { get; } = new(true, ReadOnlyMemory<byte>.Empty);

    public static DicomUserIdentityResult Rejected { get; } = new(false, ReadOnlyMemory<byte>.Empty);

    public static DicomUserIdentityResult AcceptedWithResponse(ReadOnlyMemory<byte> serverResponse) => new(true, serverResponse);
}
