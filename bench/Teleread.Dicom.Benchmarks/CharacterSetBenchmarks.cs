using System.Text;
using BenchmarkDotNet.Attributes;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Benchmarks;

/// <summary>Decoding and encoding of typical Patient's Name values (PS3.5 Annex H/I examples and plain ASCII).</summary>
[MemoryDiagnoser]
public class CharacterSetBenchmarks
{
    private DicomCharacterSet _characterSet = DicomCharacterSet.Default;
    private byte[] _bytes = [];
    private string _text = string.Empty;

    [Params("ascii", "latin1", "utf8", "japanese", "korean")]
    public string Case { get; set; } = "ascii";

    [GlobalSetup]
    public void Setup()
    {
        (string[] terms, _text) = Case switch
        {
            "ascii" => (new[] { "ISO_IR 100" }, "DOE^JOHN^QUINCY^^MD"),
            "latin1" => (new[] { "ISO_IR 100" }, "Buc^Jérôme"),
            "utf8" => (new[] { "ISO_IR 192" }, "Wang^XiaoDong=王^小東="),
            "japanese" => (new[] { "", "ISO 2022 IR 87" }, "Yamada^Tarou=山田^太郎=やまだ^たろう"),
            _ => (new[] { "", "ISO 2022 IR 149" }, "Hong^Gildong=洪^吉洞=홍^길동"),
        };
        _characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms);
        _bytes = _characterSet.Encode(_text, DicomTextKind.PersonName);
    }

    [Benchmark]
    public string Decode() => _characterSet.Decode(_bytes, DicomTextKind.PersonName);

    [Benchmark]
    public byte[] Encode() => _characterSet.Encode(_text, DicomTextKind.PersonName);

    [Benchmark(Baseline = true)]
    public string Latin1GetString() => Encoding.Latin1.GetString(_bytes);
}
