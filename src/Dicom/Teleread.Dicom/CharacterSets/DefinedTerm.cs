using System.Text;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// One Defined Term of Specific Character Set (0008,0005): the code elements it contributes (ISO 2022 terms and
/// single-byte terms) or the stateless encoding it stands for (ISO_IR 192, GB18030, GBK).
/// </summary>
internal sealed record DefinedTerm(string Term, DefinedTermKind Kind, CodeElement? G0, CodeElement? G1, Func<Encoding>? StatelessEncoding)
{
    public bool IsIso2022Term => Kind is DefinedTermKind.SingleByteWithExtensions or DefinedTermKind.MultiByteWithExtensions;
}
