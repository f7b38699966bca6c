using Teleread.Dicom;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// DCMTK's findscu against the server at every level of the Patient Root and Study Root models, with several keys,
/// a date range and Japanese person names (the stored files are ISO 2022 IR 87; queries in ISO 2022 IR 87 and UTF-8).
/// Responses are extracted (-X) and read back with the core library.
/// </summary>
public sealed class FindscuAgainstServerTests : IAsyncLifetime
{
    private const string Esc = "\u001b";
    private readonly string _work = Directory.CreateTempSubdirectory("teleread-findscu-").FullName;
    private DimseTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await DimseTestServer.StartAsync();
        await Dcmtk.StoreAsync(_server, "MODALITY_A",
            RepoPaths.Sample("pydicom/test_files/CT_small.dcm"), RepoPaths.Sample("pydicom/test_files/MR_small.dcm"),
            Charset("chrH31.dcm"), Charset("chrJapMulti.dcm"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Patient_root_patient_level_matches_on_patient_id()
    {
        var matches = await FindAsync("-P", "QueryRetrieveLevel=PATIENT", "PatientID=1CT1", "PatientName", "PatientBirthDate");

        var match = Assert.Single(matches);
        Assert.Equal("CompressedSamples^CT1", match.GetString(DicomTags.PatientName));
    }

    [Fact]
    public async Task Study_root_study_level_matches_a_date_range_and_a_wildcard_modality()
    {
        var matches = await FindAsync("-S", "QueryRetrieveLevel=STUDY", "StudyDate=20040101-20041231", "StudyInstanceUID", "PatientName", "ModalitiesInStudy");

        Assert.Equal(["CompressedSamples^CT1", "CompressedSamples^MR1"], matches.Select(m => m.GetString(DicomTags.PatientName)).Order(StringComparer.Ordinal));
        Assert.Single(await FindAsync("-S", "QueryRetrieveLevel=STUDY", "StudyDate=20080101-", "StudyInstanceUID", "PatientID=2008-4"));
        Assert.Empty(await FindAsync("-S", "QueryRetrieveLevel=STUDY", "StudyDate=-20031231", "StudyInstanceUID", "PatientID=1CT1"));
    }

    [Fact]
    public async Task Study_root_series_level_lists_the_series_of_a_study()
    {
        var study = DicomFile.Open(RepoPaths.Sample("pydicom/test_files/MR_small.dcm")).Dataset;

        var matches = await FindAsync("-S", "QueryRetrieveLevel=SERIES", $"StudyInstanceUID={study.GetString(DicomTags.StudyInstanceUID)}",
            "SeriesInstanceUID", "Modality=MR", "SeriesNumber");

        Assert.Equal(study.GetString(DicomTags.SeriesInstanceUID), Assert.Single(matches).GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public async Task Patient_root_image_level_finds_the_instance()
    {
        var ct = DicomFile.Open(RepoPaths.Sample("pydicom/test_files/CT_small.dcm")).Dataset;

        var matches = await FindAsync("-P", "QueryRetrieveLevel=IMAGE", "PatientID=1CT1", $"StudyInstanceUID={ct.GetString(DicomTags.StudyInstanceUID)}",
            $"SeriesInstanceUID={ct.GetString(DicomTags.SeriesInstanceUID)}", "SOPInstanceUID", "InstanceNumber");

        Assert.Equal(ct.GetString(DicomTags.SOPInstanceUID), Assert.Single(matches).GetString(DicomTags.SOPInstanceUID));
    }

    [Fact]
    public async Task A_kana_name_query_in_iso_2022_ir_87_matches_every_group_and_comes_back_decoded()
    {
        // やまだ^たろう in JIS X 0208 (ISO 2022 IR 87): the only group of chrJapMulti.dcm's name.
        var yamada = $"{Esc}$B$d$^$@{Esc}(B^{Esc}$B$?$m$&{Esc}(B";

        var matches = await FindAsync("-S", "QueryRetrieveLevel=STUDY", "SpecificCharacterSet=\\ISO 2022 IR 87", $"PatientName={yamada}", "PatientID", "StudyInstanceUID");

        // chrH31.dcm carries the same kana as its phonetic group, and the archive matches a one-group query against every group.
        Assert.Equal(["2008-4", "H31EXAMPLE"], matches.Select(m => m.GetString(DicomTags.PatientID)).Order(StringComparer.Ordinal));
        Assert.Equal("やまだ^たろう", matches.Single(m => m.GetString(DicomTags.PatientID) == "2008-4").GetString(DicomTags.PatientName));
    }

    [Fact]
    public async Task A_kanji_name_query_in_utf8_matches_the_ideographic_group()
    {
        var matches = await FindAsync("-S", "QueryRetrieveLevel=STUDY", "SpecificCharacterSet=ISO_IR 192", "PatientName==山田^太郎", "PatientID", "StudyInstanceUID");

        var match = Assert.Single(matches);
        Assert.Equal("H31EXAMPLE", match.GetString(DicomTags.PatientID));
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", match.GetString(DicomTags.PatientName));
    }

    private static string Charset(string name) => Path.Combine(RepoPaths.Root, "testdata", "charsets", name);

    /// <summary>Runs findscu with -X in a fresh directory and reads every extracted response.</summary>
    private async Task<List<DicomDataset>> FindAsync(string model, params string[] keys)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_work, Guid.NewGuid().ToString("N"))).FullName;
        var args = new List<string> { "-v", model, "-X", "-aet", "MODALITY_A", "-aec", "TELEREAD" };
        foreach (var key in keys)
        {
            args.AddRange(["-k", key]);
        }

        args.AddRange(["127.0.0.1", _server.PortText]);
        var result = await Dcmtk.RunAsync("findscu", args, directory);
        Dcmtk.AssertOutputContains(result, "Received Final Find Response (Success)");
        return Directory.GetFiles(directory, "rsp*.dcm").Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f).Dataset).ToList();
    }
}
