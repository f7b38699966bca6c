namespace Teleread.Archive;

/// <summary>How many instances left the index, and the keys of blobs that could not be deleted on some site.</summary>
public sealed record StudyDeletionResult(int InstancesRemoved, IReadOnlyList<string> BlobsNotDeleted)
{
    public bool Found => InstancesRemoved > 0;
}
