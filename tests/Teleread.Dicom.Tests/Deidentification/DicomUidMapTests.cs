using Teleread.Dicom.Deidentification;
using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Tests.Deidentification;

public sealed class DicomUidMapTests
{
    [Fact]
    public void Same_key_maps_the_same_uid_the_same_way_across_maps()
    {
        var a = new DicomUidMap("secret").Map("1.2.3");
        var b = new DicomUidMap("secret").Map("1.2.3");
        var other = new DicomUidMap("other").Map("1.2.3");

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Null(DicomValueChecker.CheckCharacters(DicomVR.UI, a));
    }

    [Fact]
    public void Saved_map_loads_back()
    {
        var map = DicomUidMap.WithRandomKey();
        var mapped = map.Map("1.2.840.99");
        var writer = new StringWriter();
        map.Save(writer);

        var loaded = new DicomUidMap("another key");
        loaded.Load(new StringReader(writer.ToString()));

        Assert.Equal(mapped, loaded.Map("1.2.840.99"));
    }

    [Fact]
    public void Malformed_map_line_is_a_format_error()
    {
        var ex = Assert.Throws<FormatException>(() => new DicomUidMap("k").Load(new StringReader("1.2.3\n")));
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }
}
