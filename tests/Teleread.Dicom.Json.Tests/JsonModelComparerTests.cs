using System.Text.Json;

namespace Teleread.Dicom.Json.Tests;

public sealed class JsonModelComparerTests
{
    [Fact]
    public void Reports_a_changed_value_a_changed_vr_and_a_missing_element()
    {
        using var theirs = JsonDocument.Parse("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A^B"}]},"00280010":{"vr":"US","Value":[512]},"00200013":{"vr":"IS","Value":[1]}}""");
        using var ours = JsonDocument.Parse("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A^C"}]},"00280010":{"vr":"SS","Value":[512]}}""");
        var differences = new JsonModelComparer().Compare(theirs.RootElement, ours.RootElement);
        Assert.Equal(3, differences.Count);
    }

    [Fact]
    public void Treats_only_formatting_as_equal()
    {
        using var theirs = JsonDocument.Parse("""{"00181050":{"vr":"DS","Value":[1.0, 2]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"A^B","Ideographic":""}]},"00081115":{"vr":"SQ","Value":[]},"00080050":{"vr":"SH","Value":["X "]}}""");
        using var ours = JsonDocument.Parse("""{"00181050":{"vr":"DS","Value":[1, "2"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"A^B"}]},"00081115":{"vr":"SQ"},"00080050":{"vr":"SH","Value":["X"]}}""");
        Assert.Empty(new JsonModelComparer().Compare(theirs.RootElement, ours.RootElement));
    }
}
