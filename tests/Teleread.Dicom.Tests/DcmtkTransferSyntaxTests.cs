using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>Files DCMTK writes in every transfer syntax family are read to the same values, written back byte-exact, and what we write DCMTK reads cleanly.</summary>
public sealed class DcmtkTransferSyntaxTests
{
    private const string Source = "pydicom/test_files/CT_small.dcm";
    private const string EightBit = "octave-dicom/simple-test.dcm";

    public static TheoryData<string, string, string, string> Conversions => new()
    {
        { Source, "dcmconv", "+tb", "1.2.840.10008.1.2.2" },
        { Source, "dcmconv", "+td", "1.2.840.10008.1.2.1.99" },
        { Source, "dcmconv", "+ti", "1.2.840.10008.1.2" },
        { Source, "dcmcjpeg", "+e1", "1.2.840.10008.1.2.4.70" },
        { Source, "dcmcjpeg", "+el", "1.2.840.10008.1.2.4.57" },
        { Source, "dcmcrle", "+un", "1.2.840.10008.1.2.5" },
        { Source, "dcmcjpls", "+el", "1.2.840.10008.1.2.4.80" },
        { EightBit, "dcmcjpls", "+en", "1.2.840.10008.1.2.4.81" },
        { EightBit, "dcmcjpeg", "+eb", "1.2.840.10008.1.2.4.50" },
        { "pydicom/test_files/MR_small.dcm", "dcmconv", "+tb", "1.2.840.10008.1.2.2" },
        { "pydicom/test_files/liver_1frame.dcm", "dcmconv", "+tb", "1.2.840.10008.1.2.2" },
        { "pydicom/test_files/waveform_ecg.dcm", "dcmconv", "+tb", "1.2.840.10008.1.2.2" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Reads_what_dcmtk_writes_and_writes_it_back_byte_for_byte(string sample, string tool, string option, string syntaxUid)
    {
        using var temp = new TempDirectory();
        var converted = temp.File("dcmtk.dcm");
        ExternalTool.MustSucceed(tool, option, TestFiles.Sample(sample), converted);

        var source = DicomFile.Open(TestFiles.Sample(sample));
        var file = DicomFile.Open(converted);
        Assert.Equal(syntaxUid, file.TransferSyntax.Uid);
        Assert.Equal(Canonical(source.Dataset, file.TransferSyntax), Canonical(file.Dataset, file.TransferSyntax));
        if (file.TransferSyntax.IsEncapsulated)
        {
            Assert.NotEmpty(Assert.IsType<DicomFragmentSequence>(file.Dataset.Get(DicomTags.PixelData)).Fragments);
        }
        else
        {
            Assert.Equal(source.Dataset.GetElement(DicomTags.PixelData)?.Value.ToArray(), file.Dataset.GetElement(DicomTags.PixelData)?.Value.ToArray());
        }

        var ours = temp.File("ours.dcm");
        file.Save(ours);
        if (!file.TransferSyntax.IsDeflated)
        {
            Assert.Equal(File.ReadAllBytes(converted), File.ReadAllBytes(ours));
        }

        ExternalTool.AssertDcmdumpAccepts(ours);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.2")]
    [InlineData("1.2.840.10008.1.2.1.99")]
    public void Transcodes_to_a_file_dcmdump_reads_with_the_same_values_as_dcmconv_gives(string syntaxUid)
    {
        using var temp = new TempDirectory();
        var syntax = DicomTransferSyntax.Lookup(syntaxUid);
        var ours = temp.File("ours.dcm");
        DicomFile.Open(TestFiles.Sample(Source)).Save(ours, syntax);
        ExternalTool.AssertDcmdumpAccepts(ours);

        var theirs = temp.File("theirs.dcm");
        ExternalTool.MustSucceed("dcmconv", syntaxUid switch
        {
            "1.2.840.10008.1.2" => "+ti",
            "1.2.840.10008.1.2.1" => "+te",
            "1.2.840.10008.1.2.2" => "+tb",
            _ => "+td",
        }, TestFiles.Sample(Source), theirs);
        var (_, oursDump, _) = ExternalTool.Run("dcmdump", "-q", "+L", ours);
        var (_, theirsDump, _) = ExternalTool.Run("dcmdump", "-q", "+L", theirs);
        Assert.Equal(WithoutMeta(theirsDump), WithoutMeta(oursDump));
    }

    private static string WithoutMeta(string dump) =>
        string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith("(0002,", StringComparison.Ordinal) && !l.StartsWith('#') && l.Length > 0));

    /// <summary>Every element but pixel data and what the codecs add (derivation description, lossy flags).</summary>
    private static string Canonical(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var copy = new DicomDataset();
        foreach (var a in dataset)
        {
            if (a.Tag != DicomTags.PixelData && a.Tag != DicomTags.DerivationDescription
                && !(syntax.IsLossy && (a.Tag == DicomTags.SOPInstanceUID || a.Tag.Group == 0x0028 && a.Tag.Element >= 0x2110 || a.Tag == DicomTags.ImageType || a.Tag == DicomTags.SourceImageSequence || a.Tag == DicomTags.DerivationCodeSequence)))
            {
                copy.Add(a is DicomSequence s ? CloneSequence(s) : a);
            }
        }

        return DatasetComparer.Canonical(copy, syntax.IsExplicitVR);
    }

    private static DicomSequence CloneSequence(DicomSequence s) => new(s.Tag, s.Items.Select(i =>
    {
        var item = new DicomItem();
        foreach (var a in i)
        {
            item.Add(a is DicomSequence inner ? CloneSequence(inner) : a);
        }

        return item;
    }).ToList());
}
