namespace Teleread.DictionaryGenerator;

/// <summary>
/// uid-supplement.tsv: UIDs of PS3.6 Table A-1 that the Debian pydicom does not list yet (HTJ2K, JPEG XL, Deflated Image
/// Frame Compression, newer SOP classes). Tab-separated UID, Name, Type, Retired, Keyword; '#' starts a comment line.
/// </summary>
public static class UidSupplement
{
    public static List<UidRecord> Parse(string text)
    {
        var result = new List<UidRecord>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 5 || f[0].Length == 0 || f[1].Length == 0 || f[4].Length == 0 || f[3] is not ("" or "Retired"))
            {
                throw new FormatException($"uid-supplement.tsv: expected UID, Name, Type, Retired, Keyword separated by tabs: '{line}'");
            }

            result.Add(new UidRecord(f[0], f[1], f[2], f[3].Length > 0, f[4]));
        }

        return result;
    }

    /// <summary>Inserts each entry after the last one of its type that sorts before it (UID components compared as numbers).</summary>
    public static void Merge(List<UidRecord> uids, IEnumerable<UidRecord> supplement)
    {
        foreach (var s in supplement)
        {
            if (uids.Any(u => u.Uid == s.Uid))
            {
                throw new InvalidOperationException($"uid-supplement.tsv: {s.Uid} is in pydicom's table now; delete it from the supplement.");
            }

            var at = uids.FindLastIndex(u => u.Type == s.Type && Compare(u.Uid, s.Uid) < 0);
            uids.Insert(at < 0 ? uids.Count : at + 1, s);
        }
    }

    public static int Compare(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = x[i].Length != y[i].Length ? x[i].Length.CompareTo(y[i].Length) : string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
