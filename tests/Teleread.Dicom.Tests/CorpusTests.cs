using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

public sealed class CorpusTests
{
    public static TheoryData<string> Files => TestFiles.CorpusData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_every_sample_and_reencodes_its_data_set_byte_for_byte(string file)
    {
        var path = TestFiles.Sample(file);
        var original = File.ReadAllBytes(path);
        var builder = new DicomDatasetBuilder();
        DicomReadResult result;
        using (var stream = new MemoryStream(original))
        {
            result = DicomReader.Read(stream, builder);
        }

        Assert.NotEmpty(builder.Root);
        using var written = new MemoryStream();
        DicomWriter.WriteDataset(written, builder.Root, result.TransferSyntax);
        var expected = original.AsSpan((int)result.DatasetOffset);
        if (result.Warnings.Any(w => !w.Contains("trailing padding", StringComparison.Ordinal)))
        {
            // Malformed input (tags out of order, lengths past the end) is normalised, not reproduced.
            Assert.NotEqual(Convert.ToHexString(expected), Convert.ToHexString(written.ToArray()));
            return;
        }

        var trailing = expected[(int)Math.Min(written.Length, expected.Length)..];
        Assert.False(trailing.ContainsAnyExcept((byte)0), "only zero padding may follow the data set");
        Assert.Equal(Convert.ToHexString(expected[..(expected.Length - trailing.Length)]), Convert.ToHexString(written.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_write_read_gives_the_same_data_set(string file)
    {
        var first = DicomFile.Open(TestFiles.Sample(file));
        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        var second = DicomFile.Open(stream);
        Assert.Equal(DatasetComparer.Canonical(first.Dataset), DatasetComparer.Canonical(second.Dataset));
        Assert.Equal(first.TransferSyntax.Uid, second.TransferSyntax.Uid);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcodes_between_implicit_explicit_and_big_endian_without_changing_values(string file)
    {
        var source = DicomFile.Open(TestFiles.Sample(file));
        if (source.TransferSyntax.IsEncapsulated)
        {
            return;
        }

        // Implicit VR carries no VR, so after it the VRs come from the dictionary: compare values only there.
        foreach (var syntax in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian })
        {
            var withVR = syntax.IsExplicitVR && source.TransferSyntax.IsExplicitVR;
            using var stream = new MemoryStream();
            source.Save(stream, syntax);
            stream.Position = 0;
            var back = DicomFile.Open(stream);
            Assert.Equal(syntax.Uid, back.TransferSyntax.Uid);
            Assert.Equal(DatasetComparer.Canonical(source.Dataset, withVR), DatasetComparer.Canonical(back.Dataset, withVR));
        }
    }
}
