namespace Teleread.Archive.Storage;

public sealed class StorageConfigurationException(IReadOnlyList<string> errors)
    : Exception("Invalid storage configuration: " + string.Join("; ", errors) + ".")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
