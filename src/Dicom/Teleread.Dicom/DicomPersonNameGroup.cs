namespace Teleread.Dicom;

/// <summary>One component group of a person name: family^given^middle^prefix^suffix.</summary>
public readonly record struct DicomPersonNameGroup(string Family, string Given, string Middle, string Prefix, string Suffix)
{
    public bool IsEmpty => Family.Length + Given.Length + Middle.Length + Prefix.Length + Suffix.Length == 0;

    public static DicomPersonNameGroup Parse(string group)
    {
        var c = group.Split('^');
        string At(int i) => i < c.Length ? c[i].Trim() : "";
        return new DicomPersonNameGroup(At(0), At(1), At(2), At(3), At(4));
    }

    public override string ToString()
    {
        var c = new[] { Family ?? "", Given ?? "", Middle ?? "", Prefix ?? "", Suffix ?? "" };
        var last = c.Length - 1;
        while (last >= 0 && c[last].Length == 0)
        {
            last--;
        }

        return last < 0 ? "" : string.Join('^', c, 0, last + 1);
    }
}
