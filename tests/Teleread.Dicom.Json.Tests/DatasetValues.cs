namespace Teleread.Dicom.Json.Tests;

/// <summary>Asserts two data sets hold the same attributes with the same values: bytes for binary VRs, decoded values for text.</summary>
internal static class DatasetValues
{
    public static void AssertSame(DicomDataset expected, DicomDataset actual, string path = "")
    {
        Assert.Equal(expected.Select(a => path + a.Tag), actual.Select(a => path + a.Tag));
        foreach (var e in expected)
        {
            var a = actual.Get(e.Tag)!;
            var at = path + e.Tag;
            switch (e)
            {
                case DicomSequence s:
                    var items = Assert.IsType<DicomSequence>(a).Items;
                    Assert.Equal(s.Items.Count, items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        AssertSame(s.Items[i], items[i], $"{at}/{i}/");
                    }

                    break;
                case DicomFragmentSequence f:
                    var g = Assert.IsType<DicomFragmentSequence>(a);
                    Assert.Equal(f.OffsetTableBytes.ToArray(), g.OffsetTableBytes.ToArray());
                    Assert.Equal(f.Fragments.Select(x => Convert.ToHexString(x.Load().Span)), g.Fragments.Select(x => Convert.ToHexString(x.Load().Span)));
                    break;
                case DicomElement x when x.VR.Kind == DicomVRKind.Binary:
                    var y = Assert.IsType<DicomElement>(a);
                    Assert.True(x.LoadValue().Span.SequenceEqual(y.LoadValue().Span), $"{at} {x.VR}: bytes differ");
                    break;
                case DicomElement x:
                    var z = Assert.IsType<DicomElement>(a);
                    Assert.Equal(x.VR, z.VR);
                    Assert.Equal(x.GetStrings(expected.CharacterSet), z.GetStrings(actual.CharacterSet));
                    break;
            }
        }
    }
}
