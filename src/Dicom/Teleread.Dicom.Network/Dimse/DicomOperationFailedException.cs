namespace Teleread.Dicom.Network;

/// <summary>A C-FIND/C-MOVE/C-GET ended with a failure status; the response command says which.</summary>
public sealed class DicomOperationFailedException(DicomCommand response)
    : Exception($"{response.CommandField} failed with status {response.Status}{(response.ErrorComment is { } comment ? ": " + comment : "")}.")
{
    public DicomCommand Response { get; } = response;

    public DicomStatus Status => Response.Status;
}
