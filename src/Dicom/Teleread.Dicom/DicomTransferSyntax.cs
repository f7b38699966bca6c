using System.Collections.Frozen;

namespace Teleread.Dicom;

/// <summary>A transfer syntax of PS3.5 Section 10 / PS3.6 Annex A with the properties the reader and writer act on.</summary>
public sealed partial class DicomTransferSyntax
{
    private static readonly Lazy<FrozenDictionary<string, DicomTransferSyntax>> ByUid =
        new(() => All.ToFrozenDictionary(t => t.Uid, StringComparer.Ordinal));

    private DicomTransferSyntax(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy, bool retired)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
        IsRetired = retired;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    public bool IsBigEndian { get; }

    /// <summary>The data set after the File Meta Information is compressed with raw deflate (RFC 1951).</summary>
    public bool IsDeflated { get; }

    /// <summary>Pixel Data is a sequence of fragments (PS3.5 A.4).</summary>
    public bool IsEncapsulated { get; }

    /// <summary>The compression may lose information.</summary>
    public bool IsLossy { get; }

    public bool IsRetired { get; }

    /// <summary>Whether this is a known syntax (false for ones made up by <see cref="Lookup"/> for an unknown UID).</summary>
    public bool IsKnown => ByUid.Value.ContainsKey(Uid);

    /// <summary>
    /// The syntax for a UID. An unknown UID is treated, as PS3.5 10.1 requires of new syntaxes, as explicit VR little endian
    /// with encapsulated pixel data.
    /// </summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        var key = uid.TrimEnd('\0', ' ');
        return ByUid.Value.TryGetValue(key, out var ts)
            ? ts
            : new DicomTransferSyntax(key, $"Unknown transfer syntax {key}", true, false, false, true, false, false);
    }

    public override string ToString() => $"{Name} ({Uid})";
}
