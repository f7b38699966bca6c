using System.Text.RegularExpressions;

namespace Teleread.Dicom.Tests;

/// <summary>
/// PROOF "written files read by dcmdump without warnings and pass dciodvfy wherever the input did": every sample is read
/// and written in each uncompressed transfer syntax (encapsulated samples in their own syntax); DCMTK's dcmdump must read
/// every written file with no "W:"/"E:" line, and dicom3tools' dciodvfy must report no error it did not report for the
/// input (errors compared as text, the element path included). dciodvfy is not run on deflated output (Debian's
/// dicom3tools reads it as raw bytes), nor counted on implicit VR output it cannot parse for want of Pixel Representation.
/// </summary>
public sealed partial class WrittenFileInteropTests : IDisposable
{
    private static readonly DicomTransferSyntax[] Uncompressed =
    [
        DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Files => TestFiles.CorpusData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Written_files_pass_dcmdump_without_warnings_and_dciodvfy_without_new_errors(string file)
    {
        var input = TestFiles.Sample(file);
        var source = DicomFile.Open(input);
        var inputErrors = DciodvfyErrors(input);
        var syntaxes = source.TransferSyntax.IsEncapsulated ? [source.TransferSyntax] : Uncompressed;
        var problems = new List<string>();
        foreach (var syntax in syntaxes)
        {
            var output = _temp.File($"{syntax.Uid}.dcm");
            source.Save(output, syntax);

            // Not -q: that would silence the very warnings looked for (DCMTK logs "W:"/"E:" lines to stderr).
            var (code, stdout, stderr) = ExternalTool.Run("dcmdump", output);
            var complaints = (stdout + "\n" + stderr).Split('\n')
                .Where(l => l.StartsWith("W: ", StringComparison.Ordinal) || l.StartsWith("E: ", StringComparison.Ordinal))
                .Where(l => !IsCp246Notice(l, syntax))
                .ToList();
            if (code != 0 || complaints.Count > 0)
            {
                problems.Add($"{syntax.Name}: dcmdump exit {code}: {string.Join(" | ", complaints.Take(5))}");
            }

            if (syntax.IsDeflated)
            {
                // dicom3tools (Debian) reads a deflated data set as raw bytes ("Tag read failed"): dcmdump only.
                continue;
            }

            var newErrors = DciodvfyErrors(output).Except(inputErrors).ToList();
            if (!syntax.IsExplicitVR && newErrors.Any(e => e.Contains("Missing Pixel Representation, can't set VR", StringComparison.Ordinal)))
            {
                // dciodvfy cannot read implicit VR "US or SS" attributes without Pixel Representation (the Color Palette IOD
                // has none) and stops there; the explicit VR outputs of the same file are checked in full.
                continue;
            }

            if (newErrors.Count > 0)
            {
                problems.Add($"{syntax.Name}: new dciodvfy errors: {string.Join(" | ", newErrors.Take(5))}");
            }
        }

        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join('\n', problems));
    }

    /// <summary>
    /// The one dcmdump warning allowed: a private sequence of undefined length that DCMTK's dictionary does not know, written
    /// in implicit VR as read (PS3.5 7.5 allows it); DCMTK notes that it applied CP-246 and reads it as a sequence.
    /// </summary>
    private static bool IsCp246Notice(string line, DicomTransferSyntax syntax) =>
        !syntax.IsExplicitVR && line.StartsWith("W: Found element (", StringComparison.Ordinal)
        && line.Contains(") with VR UN and undefined length, reading a sequence with transfer syntax LittleEndianImplicit (CP-246)", StringComparison.Ordinal);

    /// <summary>dciodvfy's "Error - ..." lines (it exits non-zero when it finds errors, so the exit code is not checked).</summary>
    private static HashSet<string> DciodvfyErrors(string path)
    {
        var (_, stdout, stderr) = ExternalTool.Run("dciodvfy", "-new", path);
        return (stdout + "\n" + stderr).Split('\n')
            .Where(l => l.StartsWith("Error", StringComparison.Ordinal))
            .Select(l => Offset().Replace(l.Trim(), "offset"))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Byte offsets differ between syntaxes (implicit VR headers are shorter): not part of the message compared.</summary>
    [GeneratedRegex(@"(?:offset|Offset) (?:0x)?[0-9a-fA-F]+")]
    private static partial Regex Offset();
}
