namespace Teleread.Dicom.Network;

/// <summary>A C-FIND, C-MOVE or C-GET request: the information model (SOP class) and the identifier.</summary>
public sealed record DicomQueryRequest(DicomRequestContext Context, DicomDataset Identifier)
{
    public string SopClassUid => Context.Command.AffectedSopClassUid ?? "";

    public DicomPriority Priority => Context.Command.Priority;

    /// <summary>C-MOVE only: the AE title the instances go to.</summary>
    public string? MoveDestination => Context.Command.MoveDestination;
}
