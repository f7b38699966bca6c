using System.Text;

namespace Teleread.Dicom.CharacterSets;

/// <summary>Access to the Windows/legacy code pages of System.Text.Encoding.CodePages (GB18030, GBK).</summary>
internal static class CodePages
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static Encoding Get(int codePage)
    {
        _ = Registered.Value;
        return Encoding.GetEncoding(codePage);
    }
}
