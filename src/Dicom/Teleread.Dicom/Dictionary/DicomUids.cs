using System.Collections.Frozen;

namespace Teleread.Dicom;

public static partial class DicomUids
{
    private static readonly Lazy<FrozenDictionary<string, DicomUidInfo>> Registry =
        new(() => CreateRegistry().ToFrozenDictionary(u => u.Uid, StringComparer.Ordinal));

    public static IReadOnlyCollection<DicomUidInfo> All => Registry.Value.Values;

    /// <summary>The registered UID (SOP class, transfer syntax, well-known instance...), or null.</summary>
    public static DicomUidInfo? Find(string uid) => Registry.Value.GetValueOrDefault(uid.TrimEnd('\0', ' '));
}
