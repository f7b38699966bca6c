using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Teleread.Dicom;
using Teleread.Dicom.Json.Xml;
using Teleread.Dicom.Web;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>The QIDO-RS matching keys PS3.18 requires (10.6.1.2) over the real archive, sequence keys, and STOW-RS answering in XML.</summary>
public sealed class QidoKeysAndStowXmlTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_required_study_series_and_instance_key_matches(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider);
        using var a = web.Client(web.ClinicAToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(
            Study("1.2.392.4.1", "20200310", "083000", "ACC-1", "CT", "Sato^Ichiro", "Yamada^Tarou=山田^太郎=やまだ^たろう", "P-1", "11", "3"),
            Study("1.2.392.4.2", "20210720", "141500", "ACC-2", "MR", "Suzuki^Jiro", "Tanaka^Hanako=田中^花子=たなか^はなこ", "P-2", "22", "7")))).StatusCode);

        async Task<List<string>> Uids(string path, string key = "0020000D") =>
            [.. JsonDocument.Parse(await a.GetStringAsync(path)).RootElement.EnumerateArray().Select(s => s.GetProperty(key).GetProperty("Value")[0].GetString()!)];
        var one = new List<string> { "1.2.392.4.1" };
        var two = new List<string> { "1.2.392.4.2" };

        Assert.Equal(one, await Uids("/dicomweb/studies?StudyDate=20200101-20201231"));
        Assert.Equal(two, await Uids("/dicomweb/studies?StudyDate=20210101-"));
        Assert.Equal(one, await Uids("/dicomweb/studies?StudyTime=0800-0900"));
        Assert.Equal(two, await Uids("/dicomweb/studies?00080050=ACC-2"));
        Assert.Equal(two, await Uids("/dicomweb/studies?ModalitiesInStudy=MR"));
        Assert.Equal(one, await Uids("/dicomweb/studies?ReferringPhysicianName=Sato*"));
        Assert.Equal(two, await Uids("/dicomweb/studies?PatientName=tanaka*"));
        Assert.Equal(two, await Uids("/dicomweb/studies?PatientName=はな&fuzzymatching=true"));
        Assert.Equal(one, await Uids("/dicomweb/studies?PatientID=P-1"));
        Assert.Equal(2, (await Uids("/dicomweb/studies?StudyInstanceUID=1.2.392.4.1,1.2.392.4.2")).Count);
        Assert.Equal(2, (await Uids("/dicomweb/studies?StudyInstanceUID=1.2.392.4.1&StudyInstanceUID=1.2.392.4.2")).Count);
        Assert.Equal(one, await Uids("/dicomweb/studies?StudyID=S-1.2.392.4.1"));

        Assert.Equal(["1.2.392.4.2.1"], await Uids("/dicomweb/series?Modality=MR", "0020000E"));
        Assert.Equal(["1.2.392.4.1.1"], await Uids("/dicomweb/series?SeriesNumber=11", "0020000E"));
        Assert.Equal(["1.2.392.4.1.1"], await Uids("/dicomweb/series?SeriesInstanceUID=1.2.392.4.1.1", "0020000E"));
        Assert.Equal(["1.2.392.4.2.1"], await Uids("/dicomweb/series?PerformedProcedureStepStartDate=20210701-20210731", "0020000E"));
        Assert.Equal(["1.2.392.4.1.1"], await Uids("/dicomweb/series?PerformedProcedureStepStartTime=-0830", "0020000E"));
        Assert.Equal(["1.2.392.4.2.1"], await Uids("/dicomweb/series?RequestAttributesSequence.RequestedProcedureID=RP-ACC-2", "0020000E"));
        Assert.Equal(["1.2.392.4.1.1"], await Uids("/dicomweb/series?00400275.00400009=SPS-ACC-1", "0020000E"));
        var series = JsonDocument.Parse(await a.GetStringAsync("/dicomweb/studies/1.2.392.4.1/series")).RootElement[0];
        Assert.Equal("RP-ACC-1", series.GetProperty("00400275").GetProperty("Value")[0].GetProperty("00401001").GetProperty("Value")[0].GetString());
        Assert.Equal("20200310", series.GetProperty("00400244").GetProperty("Value")[0].GetString());

        Assert.Equal(["1.2.392.4.2.1.1"], await Uids("/dicomweb/instances?InstanceNumber=7", "00080018"));
        Assert.Equal(["1.2.392.4.1.1.1"], await Uids("/dicomweb/instances?SOPInstanceUID=1.2.392.4.1.1.1", "00080018"));
        var sopClass = DicomFile.Open(SampleStudies.Brain).Dataset.GetString(DicomTags.SOPClassUID);
        Assert.Equal(2, (await Uids($"/dicomweb/instances?SOPClassUID={sopClass}", "00080018")).Count);
        Assert.Empty(await Uids("/dicomweb/instances?SOPClassUID=1.2.3"));
    }

    [Fact]
    public async Task Sequence_keys_are_refused_with_a_clear_400_and_keys_the_index_lacks_are_ignored_with_a_warning()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var a = web.Client(web.ClinicAToken);

        foreach (var key in new[] { "RequestAttributesSequence.ReasonForTheRequestedProcedure=x", "ReferencedStudySequence.ReferencedSOPInstanceUID=1.2" })
        {
            var refused = await a.GetAsync("/dicomweb/series?" + key);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(text.Contains("inside sequences", StringComparison.Ordinal), key + ": " + text);
        }

        var notSequence = await a.GetAsync("/dicomweb/studies?PatientID.PatientName=x");
        Assert.Equal(HttpStatusCode.BadRequest, notSequence.StatusCode);
        Assert.Contains("is not a sequence", await notSequence.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ignored = await a.GetAsync("/dicomweb/studies?PatientAge=030Y");
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        Assert.Contains(ignored.Headers.GetValues("Warning"), w => w.Contains("not supported for matching", StringComparison.Ordinal) && w.Contains("(0010,1010)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stow_answers_in_the_native_dicom_model_when_the_client_accepts_only_xml()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var a = web.Client(web.ClinicAToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dicomweb/studies")
        {
            Content = await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.5.1", 1), SampleStudies.Instance("1.2.392.5.1", 2)),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DicomMediaTypes.DicomXml));

        var response = await a.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DicomMediaTypes.DicomXml, response.Content.Headers.ContentType!.MediaType);
        var body = DicomXmlReader.Read(await response.Content.ReadAsStreamAsync());
        Assert.Equal(2, body.GetSequence(DicomTags.ReferencedSOPSequence)!.Items.Count);
        Assert.EndsWith("/dicomweb/studies/1.2.392.5.1", body.GetString(DicomTags.RetrieveURL), StringComparison.Ordinal);

        using var html = new HttpRequestMessage(HttpMethod.Post, "/dicomweb/studies") { Content = await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.5.2")) };
        html.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        Assert.Equal(HttpStatusCode.NotAcceptable, (await a.SendAsync(html)).StatusCode);
    }

    private static byte[] Study(string uid, string date, string time, string accession, string modality, string referring, string patientName, string patientId,
        string seriesNumber, string instanceNumber) =>
        SampleStudies.Instance(uid, 1, patientId, edit: ds =>
        {
            ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
            ds.AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, date);
            ds.AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, time);
            ds.AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, accession);
            ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, modality);
            ds.AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, referring);
            ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, patientName);
            ds.AddOrUpdate(DicomTags.StudyID, DicomVR.SH, "S-" + uid);
            ds.AddOrUpdate(DicomTags.SeriesNumber, DicomVR.IS, seriesNumber);
            ds.AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, instanceNumber);
            ds.AddOrUpdate(DicomTags.PerformedProcedureStepStartDate, DicomVR.DA, date);
            ds.AddOrUpdate(DicomTags.PerformedProcedureStepStartTime, DicomVR.TM, time);
            var request = new DicomItem();
            request.AddOrUpdate(DicomTags.RequestedProcedureID, DicomVR.SH, "RP-" + accession);
            request.AddOrUpdate(DicomTags.ScheduledProcedureStepID, DicomVR.SH, "SPS-" + accession);
            ds.AddOrUpdate(new DicomSequence(DicomTags.RequestAttributesSequence, request));
        });
}
