using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Json;

/// <summary>
/// Text values read from JSON or XML, encoded once the whole document is known: the Specific Character Set of each
/// data set decides the bytes (PS3.18 F.2: JSON text is Unicode). When no data set declares one and some text is not
/// ASCII, "ISO_IR 192" (UTF-8) is added to the top-level data set.
/// </summary>
internal sealed class DicomTextValues
{
    private static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    private readonly List<(DicomDataset Owner, DicomTag Tag, DicomVR VR, string Text)> _pending = [];

    public void Add(DicomDataset owner, DicomTag tag, DicomVR vr, string text)
    {
        if (vr.IsAffectedBySpecificCharacterSet && !Ascii.IsValid(text))
        {
            _pending.Add((owner, tag, vr, text));
        }
        else
        {
            owner.AddOrUpdate(new DicomElement(tag, vr, Pad(Encoding.Latin1.GetBytes(text), vr.PaddingByte)));
        }
    }

    public void EncodeAll(DicomDataset root)
    {
        if (_pending.Count > 0 && !Declares(root) && _pending.All(p => !HasOwnCharacterSet(p.Owner)))
        {
            root.AddOrUpdate(DicomElement.FromString(SpecificCharacterSet, DicomVR.CS, "ISO_IR 192"));
        }

        foreach (var (owner, tag, vr, text) in _pending)
        {
            var cs = owner.CharacterSet;
            if (!cs.TryEncode(text, vr.TextKind, out var bytes))
            {
                throw new DicomJsonException($"{tag} {vr}: '{text}' has characters that Specific Character Set '{cs}' cannot encode.");
            }

            owner.AddOrUpdate(new DicomElement(tag, vr, Pad(bytes, vr.PaddingByte)));
        }
    }

    private static bool Declares(DicomDataset ds) => ds.Contains(SpecificCharacterSet);

    private static bool HasOwnCharacterSet(DicomDataset ds)
    {
        for (var d = ds; d is not null; d = d.Parent)
        {
            if (Declares(d))
            {
                return true;
            }
        }

        return false;
    }

    internal static byte[] Pad(byte[] bytes, byte padding)
    {
        if ((bytes.Length & 1) == 0)
        {
            return bytes;
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return padded;
    }
}
