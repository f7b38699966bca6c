using System.Security.Cryptography;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

internal static class StorageTestHelpers
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<string> Sha256Async(Stream stream) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));

    public static async Task<BlobCommit> PutAsync(this IBlobStore store, string key, byte[] bytes)
    {
        await using var write = await store.BeginWriteAsync(key);
        await write.WriteAsync(bytes);
        return await write.CommitAsync();
    }

    public static async Task<byte[]> ReadAllAsync(this IBlobStore store, string key, BlobRange? range = null)
    {
        await using var stream = await store.OpenReadAsync(key, range);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static async Task<List<string>> ListKeysAsync(this IBlobStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(prefix))
        {
            keys.Add(info.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Teleread.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Teleread.slnx above {AppContext.BaseDirectory}.");
    }
}
