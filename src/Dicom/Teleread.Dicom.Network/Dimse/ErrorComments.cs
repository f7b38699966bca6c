namespace Teleread.Dicom.Network;

/// <summary>Error Comment (0000,0902) is LO: at most 64 characters of the default repertoire, no backslash or control characters.</summary>
public static class ErrorComments
{
    public const int MaxLength = 64;

    public static string Fit(string comment)
    {
        var chars = comment.Select(c => c is >= ' ' and <= '~' and not '\\' ? c : ' ').ToArray();
        var text = new string(chars).Trim();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 3)].TrimEnd() + "...";
    }
}
