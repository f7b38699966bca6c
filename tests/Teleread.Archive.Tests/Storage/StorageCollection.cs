namespace Teleread.Archive.Tests.Storage;

/// <summary>Storage tests measure the managed heap, so they run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StorageCollection
{
    public const string Name = "Storage";
}
