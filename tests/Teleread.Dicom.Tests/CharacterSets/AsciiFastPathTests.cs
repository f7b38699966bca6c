using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

public class AsciiFastPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("ISO_IR 100")]
    [InlineData("ISO_IR 192")]
    [InlineData("GB18030")]
    [InlineData("\\ISO 2022 IR 87")]
    public void Decoding_an_ascii_value_allocates_only_the_string(string terms)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\'));
        var bytes = "Doe^John^Quincy^Dr.^PhD 1234567890 abcdefghijklmnopqrstuvwxyz"u8.ToArray();
        _ = cs.Decode(bytes, DicomTextKind.PersonName);
        _ = Encoding.ASCII.GetString(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = cs.Decode(bytes, DicomTextKind.PersonName);
        var decoding = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = Encoding.ASCII.GetString(bytes);
        var stringOnly = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("Doe^John^Quincy^Dr.^PhD 1234567890 abcdefghijklmnopqrstuvwxyz", text);
        Assert.Equal(stringOnly, decoding);
    }
}
