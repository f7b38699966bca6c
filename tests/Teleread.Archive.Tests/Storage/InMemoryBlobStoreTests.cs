using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

[Collection(StorageCollection.Name)]
public sealed class InMemoryBlobStoreTests : BlobStoreContract
{
    protected override bool HoldsObjectsInMemory => true;

    protected override IBlobStore CreateStore() => new InMemoryBlobStore();
}
