using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Teleread.Dicom;

/// <summary>The data dictionary of PS3.6 (generated from DCMTK's tables), with repeating-group masks and well-known private tags.</summary>
public static partial class DicomDictionary
{
    private static readonly Lazy<Tables> Data = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every single-tag public entry (retired ones too) followed by the repeating-group entries.</summary>
    public static IReadOnlyCollection<DicomDictionaryEntry> Entries => Data.Value.All;

    /// <summary>The public entry for a tag (exact, then repeating-group masks); null for private and unknown tags.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        var t = Data.Value;
        if (t.ByTag.TryGetValue(tag.Value, out var e))
        {
            return e;
        }

        foreach (var r in t.Repeating)
        {
            if (r.Range!.Value.Contains(tag))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>A well-known private attribute, given the value of the Private Creator element that reserved its block.</summary>
    public static DicomPrivateDictionaryEntry? FindPrivate(DicomTag tag, string creator)
    {
        if (!tag.IsPrivate || tag.Element < 0x1000)
        {
            return null;
        }

        var t = Data.Value;
        var key = new PrivateKey(creator.Trim(), tag.Group, (byte)tag.Element);
        if (t.Private.TryGetValue(key, out var e))
        {
            return e;
        }

        foreach (var r in t.PrivateRanges)
        {
            if (r.ElementOffset == (byte)tag.Element && tag.Group >= r.GroupFirst && tag.Group <= r.GroupLast
                && string.Equals(r.Creator, key.Creator, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }

    public static bool TryFindByKeyword(string keyword, [NotNullWhen(true)] out DicomDictionaryEntry? entry) =>
        Data.Value.ByKeyword.TryGetValue(keyword, out entry);

    /// <summary>The VR to use when the encoding carries none: the dictionary's first VR, UL for group lengths, LO for private creators, else UN.</summary>
    public static DicomVR DefaultVR(DicomTag tag)
    {
        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        return tag.IsPrivate ? DicomVR.UN : Find(tag)?.DefaultVR ?? DicomVR.UN;
    }

    private static Tables Build()
    {
        var singles = CreatePublicEntries();
        var repeating = CreateRepeatingEntries();
        var all = new List<DicomDictionaryEntry>(singles.Length + repeating.Length);
        all.AddRange(singles);
        all.AddRange(repeating);
        var byKeyword = new Dictionary<string, DicomDictionaryEntry>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            byKeyword.TryAdd(e.Keyword, e);
        }

        var priv = new Dictionary<PrivateKey, DicomPrivateDictionaryEntry>();
        var privRanges = new List<DicomPrivateDictionaryEntry>();
        foreach (var p in CreatePrivateEntries())
        {
            if (p.GroupFirst == p.GroupLast)
            {
                priv.TryAdd(new PrivateKey(p.Creator, p.GroupFirst, p.ElementOffset), p);
            }
            else
            {
                privRanges.Add(p);
            }
        }

        return new Tables(
            all,
            singles.ToFrozenDictionary(e => e.Tag.Value),
            repeating,
            byKeyword.ToFrozenDictionary(StringComparer.Ordinal),
            priv.ToFrozenDictionary(),
            [.. privRanges]);
    }

    private readonly record struct PrivateKey(string Creator, ushort Group, byte Offset);

    private sealed record Tables(
        List<DicomDictionaryEntry> All,
        FrozenDictionary<uint, DicomDictionaryEntry> ByTag,
        DicomDictionaryEntry[] Repeating,
        FrozenDictionary<string, DicomDictionaryEntry> ByKeyword,
        FrozenDictionary<PrivateKey, DicomPrivateDictionaryEntry> Private,
        DicomPrivateDictionaryEntry[] PrivateRanges);
}
