using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Teleread.Server.Tests;

/// <summary>Opens a reading request through the API, as a clinic does, for tests that need one on a given study.</summary>
public static class ReadingRequests
{
    public static async Task<Guid> CreateAsync(HttpClient clinic, string studyReference, string modality = "MR", string priority = "Urgent")
    {
        var created = await clinic.PostAsJsonAsync("/api/reading/requests", new
        {
            patientId = "P-1", studyReference, clinicalQuestion = "頭痛", modality, bodyRegion = "Head", priority,
            requestingDoctor = "佐藤", attachments = Array.Empty<object>(), priorStudyReferences = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
