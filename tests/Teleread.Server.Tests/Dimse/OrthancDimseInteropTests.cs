using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Archive;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;
using Teleread.Identity;
using Teleread.Server.Dimse;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// Orthanc over DIMSE, both ways: our SCU stores into Orthanc; Orthanc (whose AE title is a clinic's) pushes a study to
/// the running server with C-STORE and queries it with C-FIND through its REST API; every copy keeps the data set.
/// </summary>
public sealed class OrthancDimseInteropTests
{
    private const string OrthancAe = "ORTHANC_CLINIC";
    private static readonly JsonSerializerOptions OrthancJson = new(); // Orthanc's REST API wants PascalCase field names
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");

    [Fact]
    public async Task Our_scu_stores_to_orthanc_and_orthanc_pushes_and_queries_teleread()
    {
        await using var server = await RunningServer.StartAsync("sqlite", null, null, "--Teleread:Dicom:ListenOnEphemeralPort=true");
        await server.Service<IdentityStore>().CreateClinicAsync("Orthanc clinic", [OrthancAe], CancellationToken.None);
        var telereadPort = server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port;
        await using var orthanc = await OrthancPeer.StartAsync(new OrthancPeerOptions
        {
            DicomAeTitle = OrthancAe,
            Modalities = new Dictionary<string, OrthancModality> { ["teleread"] = new("TELEREAD", "127.0.0.1", telereadPort) },
        });
        var original = DicomFile.Open(Ct).Dataset;
        var study = original.GetString(DicomTags.StudyInstanceUID);

        // 1. Our SCU → Orthanc's DICOM port.
        var toOrthanc = await Associate("TELEREAD_SCU", OrthancAe, orthanc.DicomPort!.Value,
            [new DicomPresentationContextProposal(DicomUids.CTImageStorage, DicomUids.ExplicitVRLittleEndian)]);
        Assert.True((await toOrthanc.StoreAsync(DicomFile.Open(Ct).Dataset)).IsSuccess, orthanc.Log);
        await toOrthanc.Association.ReleaseAsync();
        var orthancStudy = await LookupAsync(orthanc, study);
        var instances = await orthanc.Http.GetFromJsonAsync<JsonElement>($"studies/{orthancStudy}/instances");
        var stored = await orthanc.Http.GetByteArrayAsync($"instances/{instances[0].GetProperty("ID").GetString()}/file");
        Assert.Equal(Encode(original), Encode(DicomFile.Open(new MemoryStream(stored)).Dataset));

        // 2. Orthanc → Teleread with C-STORE (POST /modalities/{id}/store).
        var push = await orthanc.Http.PostAsJsonAsync("modalities/teleread/store", new { Resources = new[] { orthancStudy }, Synchronous = true }, OrthancJson);
        Assert.True(push.IsSuccessStatusCode, await push.Content.ReadAsStringAsync() + orthanc.Log);

        // 3. Orthanc queries Teleread with C-FIND (POST /modalities/{id}/query) and reads the answers.
        var query = await orthanc.Http.PostAsJsonAsync("modalities/teleread/query",
            new { Level = "Study", Query = new Dictionary<string, string> { ["StudyInstanceUID"] = study, ["PatientName"] = "", ["ModalitiesInStudy"] = "" } }, OrthancJson);
        Assert.True(query.IsSuccessStatusCode, await query.Content.ReadAsStringAsync() + orthanc.Log);
        var queryId = (await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ID").GetString();
        var answers = await orthanc.Http.GetFromJsonAsync<JsonElement>($"queries/{queryId}/answers?expand&simplify");
        Assert.True(answers.GetArrayLength() == 1, answers + "\n" + orthanc.Log);
        var answer = answers[0];
        Assert.Equal(study, answer.GetProperty("StudyInstanceUID").GetString());
        Assert.Equal("CompressedSamples^CT1", answer.GetProperty("PatientName").GetString());

        // What Teleread stored from Orthanc is the same data set (read back from its archive).
        var fromTeleread = await StoredInstancesAsync(server, study);
        Assert.Equal(Encode(original), Encode(Assert.Single(fromTeleread)));
    }

    private static async Task<DicomScu> Associate(string callingAe, string calledAe, int port, IReadOnlyList<DicomPresentationContextProposal> proposals) =>
        new(await new DicomClient(new DicomClientOptions { CallingAeTitle = callingAe, CalledAeTitle = calledAe }).OpenAssociationAsync("127.0.0.1", port, proposals));

    private static async Task<string> LookupAsync(OrthancPeer orthanc, string studyUid)
    {
        var response = await orthanc.Http.PostAsync("tools/lookup", new StringContent(studyUid));
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        return found.EnumerateArray().Single(e => e.GetProperty("Type").GetString() == "Study").GetProperty("ID").GetString()!;
    }

    private static async Task<List<DicomDataset>> StoredInstancesAsync(RunningServer server, string studyUid)
    {
        var retrieve = server.Service<RetrieveService>();
        var result = new List<DicomDataset>();
        foreach (var instance in await retrieve.ListInstancesAsync(ArchiveAccess.All, studyUid, null, null, CancellationToken.None))
        {
            await using var stream = await retrieve.OpenAsync(instance, CancellationToken.None);
            result.Add(DicomFile.Open(stream).Dataset);
        }

        return result;
    }

    private static byte[] Encode(DicomDataset dataset)
    {
        dataset.Remove(DicomTags.DataSetTrailingPadding); // DCMTK (inside Orthanc) drops it when writing
        using var stream = new MemoryStream();
        DicomWriter.WriteDataset(stream, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }
}
