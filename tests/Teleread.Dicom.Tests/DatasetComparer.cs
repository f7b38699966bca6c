using System.Text;

namespace Teleread.Dicom.Tests;

/// <summary>A canonical text of a data set (tags, VRs, raw value bytes, nesting) for equality assertions.</summary>
internal static class DatasetComparer
{
    public static string Canonical(DicomDataset dataset, bool withVR = true)
    {
        var sb = new StringBuilder();
        Append(sb, dataset, 0, withVR);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, DicomDataset dataset, int depth, bool withVR)
    {
        foreach (var a in dataset)
        {
            sb.Append(' ', depth * 2).Append(a.Tag).Append(' ').Append(withVR ? a.VR.Code : a is DicomSequence ? "SQ" : "").Append(' ');
            switch (a)
            {
                case DicomElement e:
                    var v = e.LoadValue().Span;
                    sb.Append(Convert.ToHexString(v)).Append(v.Length % 2 == 1 ? "+pad" : "");
                    sb.Append('\n');
                    break;
                case DicomSequence s:
                    sb.Append(s.Items.Count).Append('\n');
                    foreach (var item in s.Items)
                    {
                        sb.Append(' ', depth * 2).Append("item\n");
                        Append(sb, item, depth + 1, withVR);
                    }

                    break;
                case DicomFragmentSequence f:
                    sb.Append(Convert.ToHexString(f.OffsetTableBytes.Span)).Append('\n');
                    foreach (var frag in f.Fragments)
                    {
                        sb.Append(' ', depth * 2).Append(Convert.ToHexString(frag.Load().Span)).Append('\n');
                    }

                    break;
            }
        }
    }
}
