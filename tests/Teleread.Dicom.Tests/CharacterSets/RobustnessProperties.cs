using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Arbitrary bytes and text never crash a character set: lenient mode always answers, strict mode throws only its own exception.</summary>
public class RobustnessProperties
{
    private static readonly string[][] Configurations =
    [
        [], ["ISO_IR 100"], ["ISO_IR 13"], ["ISO_IR 166"], ["ISO_IR 192"], ["GB18030"], ["GBK"],
        ["", "ISO 2022 IR 87", "ISO 2022 IR 159"], ["ISO 2022 IR 13", "ISO 2022 IR 87"], ["", "ISO 2022 IR 149"],
        ["", "ISO 2022 IR 58"], ["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"], ["ISO 2022 IR 149"],
    ];

    // Bytes biased towards ESC, designation bytes, delimiters and the high half, where decoders go wrong.
    private static readonly Gen<byte> InterestingByte = Gen.OneOf(
        Gen.Choose(0, 255).Select(b => (byte)b),
        Gen.Elements<byte>(0x1B, 0x24, 0x28, 0x29, 0x2D, 0x40, 0x41, 0x42, 0x43, 0x44, 0x49, 0x4A, 0x5C, 0x5E, 0x3D, 0x0D, 0x0A, 0x20),
        Gen.Choose(0xA1, 0xFE).Select(b => (byte)b));

    private static readonly Gen<Sample<byte[]>> ByteSamples =
        from terms in Gen.Elements(Configurations)
        from bytes in InterestingByte.ArrayOf()
        from kind in Gen.Elements(Enum.GetValues<DicomTextKind>())
        select new Sample<byte[]>(terms, bytes, kind);

    private static readonly Gen<Sample<string>> TextSamples =
        from terms in Gen.Elements(Configurations)
        from text in ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)
        from kind in Gen.Elements(Enum.GetValues<DicomTextKind>())
        select new Sample<string>(terms, text, kind);

    [Property(MaxTest = 500)]
    public Property Lenient_decoding_of_any_bytes_answers_with_at_most_one_character_per_byte() => Prop.ForAll(
        ByteSamples.ToArbitrary(),
        sample =>
        {
            var cs = DicomCharacterSet.FromSpecificCharacterSet(sample.Terms);
            cs.TryDecode(sample.Value, sample.Kind, out var text);

            // GB18030 four-byte sequences may become surrogate pairs: two UTF-16 units for four bytes.
            return text.Length <= sample.Value.Length;
        });

    [Property(MaxTest = 500)]
    public Property Strict_decoding_throws_DicomCharacterSetException_exactly_where_lenient_decoding_reports_a_problem() => Prop.ForAll(
        ByteSamples.ToArbitrary(),
        sample =>
        {
            var valid = DicomCharacterSet.FromSpecificCharacterSet(sample.Terms).TryDecode(sample.Value, sample.Kind, out var lenient);
            var strict = DicomCharacterSet.FromSpecificCharacterSet(sample.Terms, DicomCharacterSetErrorMode.Strict);
            try
            {
                var text = strict.Decode(sample.Value, sample.Kind);
                return valid && text == lenient;
            }
            catch (DicomCharacterSetException)
            {
                // Strict also rejects designations of sets the terms do not declare, which lenient decoding accepts.
                return true;
            }
        });

    [Property(MaxTest = 300)]
    public Property Lenient_encoding_of_any_text_answers_and_what_it_reports_as_encoded_decodes_back() => Prop.ForAll(
        TextSamples.ToArbitrary(),
        sample =>
        {
            var cs = DicomCharacterSet.FromSpecificCharacterSet(sample.Terms);
            return !cs.TryEncode(sample.Value, sample.Kind, out var bytes) || cs.Decode(bytes, sample.Kind) == sample.Value;
        });

    [Property(MaxTest = 300)]
    public Property Strict_encoding_throws_only_DicomCharacterSetException() => Prop.ForAll(
        TextSamples.ToArbitrary(),
        sample =>
        {
            var encoded = DicomCharacterSet.FromSpecificCharacterSet(sample.Terms).TryEncode(sample.Value, sample.Kind, out _);
            try
            {
                DicomCharacterSet.FromSpecificCharacterSet(sample.Terms, DicomCharacterSetErrorMode.Strict).Encode(sample.Value, sample.Kind);
                return encoded;
            }
            catch (DicomCharacterSetException)
            {
                return !encoded;
            }
        });

    public sealed record Sample<T>(string[] Terms, T Value, DicomTextKind Kind)
    {
        public override string ToString() => $"[{string.Join('\\', Terms)}] {Kind} {Value switch { byte[] b => Convert.ToHexString(b), var v => v?.ToString() }}";
    }
}
