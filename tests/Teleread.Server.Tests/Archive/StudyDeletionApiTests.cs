using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teleread.Identity;
using Teleread.Server.Tests.DicomWeb;

namespace Teleread.Server.Tests.Archive;

/// <summary>DELETE /api/admin/clinics/{clinic}/studies/{uid}: operators only, a reason required, audited, both storage sites emptied.</summary>
public sealed class StudyDeletionApiTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_operator_deletes_a_study_with_a_reason_from_the_index_and_both_sites_and_the_audit_names_who_what_and_why(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider);
        using var a = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        var identity = web.Server.Service<IdentityStore>();
        var rad = await identity.CreateUserAsync("rad-del", "Rad", Role.Radiologist, null, "password-r-123", CancellationToken.None);
        using var radiologist = web.Client(await identity.IssueTokenAsync(rad.Id, null, "test", CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(
            SampleStudies.Instance("1.2.392.1.1", 1), SampleStudies.Instance("1.2.392.1.1", 2), SampleStudies.Instance("1.2.392.1.2", 1)))).StatusCode);
        Assert.Equal(3, BlobFiles(web, "west"));
        var url = $"/api/admin/clinics/{web.ClinicAId}/studies/1.2.392.1.1";

        Assert.Equal(HttpStatusCode.Forbidden, (await a.DeleteAsync(url + "?reason=mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await radiologist.DeleteAsync(url + "?reason=mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Server.CreateClient().DeleteAsync(url + "?reason=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.DeleteAsync(url + "?reason=%20")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync($"/api/admin/clinics/{web.ClinicBId}/studies/1.2.392.1.1?reason=wrong-clinic")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync($"/api/admin/clinics/{web.ClinicAId}/studies/9.9.9?reason=unknown")).StatusCode);
        Assert.Equal(3, BlobFiles(web, "east"));

        var deleted = await op.DeleteAsync(url + "?reason=" + Uri.EscapeDataString("患者取り違え (ticket 42)"));

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("instancesRemoved").GetInt32());
        Assert.Equal(1, BlobFiles(web, "east"));
        Assert.Equal(1, BlobFiles(web, "west"));
        var left = JsonDocument.Parse(await a.GetStringAsync("/dicomweb/studies")).RootElement;
        Assert.Equal("1.2.392.1.2", Assert.Single(left.EnumerateArray()).GetProperty("0020000D").GetProperty("Value")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync(url + "?reason=again")).StatusCode);

        var audit = await op.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=100");
        var entry = Assert.Single(audit!, e => e.GetProperty("action").GetString() == "DELETE-STUDY");
        Assert.Equal($"clinics/{web.ClinicAId}/studies/1.2.392.1.1", entry.GetProperty("resource").GetString());
        Assert.Equal("患者取り違え (ticket 42)", entry.GetProperty("detail").GetString());
        Assert.Equal(web.ClinicAId, entry.GetProperty("actorClinicId").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("actorUserId").GetString()));
        // The clinic sees what happened to its study in its own audit trail.
        Assert.Contains(await a.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=100") ?? [], e => e.GetProperty("action").GetString() == "DELETE-STUDY");
    }

    [Fact]
    public async Task The_dicomweb_delete_is_for_operators_finds_the_studys_clinic_and_needs_a_reason()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var a = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.6.1")))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await a.DeleteAsync("/dicomweb/studies/1.2.392.6.1?reason=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.DeleteAsync("/dicomweb/studies/1.2.392.6.1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.DeleteAsync("/dicomweb/studies/9.9.9?reason=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/dicomweb/studies/1.2.392.6.1?reason=duplicate%20upload")).StatusCode);

        Assert.Empty(await DicomWebServer.StudyUidsAsync(a));
        Assert.Equal(0, BlobFiles(web, "east") + BlobFiles(web, "west"));
    }

    private static int BlobFiles(DicomWebServer web, string site) =>
        Directory.EnumerateFiles(Path.Combine(web.Server.DataDirectory, "storage", site), "*.dcm", SearchOption.AllDirectories).Count();
}
