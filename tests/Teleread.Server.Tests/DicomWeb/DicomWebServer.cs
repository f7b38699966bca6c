using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using Teleread.Dicom.Web;
using Teleread.Identity;
using Teleread.Server.DicomWeb;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>A running server with two clinics (tokens A and B) and an operator token, for DICOMweb tests.</summary>
public sealed class DicomWebServer : IAsyncDisposable
{
    private DicomWebServer(RunningServer server, string clinicAId, string clinicBId, string clinicA, string clinicB, string op)
    {
        Server = server;
        ClinicAId = clinicAId;
        ClinicBId = clinicBId;
        ClinicAToken = clinicA;
        ClinicBToken = clinicB;
        OperatorToken = op;
    }

    public RunningServer Server { get; }

    public string ClinicAId { get; }

    public string ClinicBId { get; }

    public string ClinicAToken { get; }

    public string ClinicBToken { get; }

    public string OperatorToken { get; }

    /// <summary>Starts on <paramref name="provider"/>; <paramref name="archive"/> replaces the archive adapter when given; <paramref name="args"/> are extra command-line settings.</summary>
    public static async Task<DicomWebServer> StartAsync(string provider, IDicomWebArchive? archive = null, Action<Microsoft.AspNetCore.Builder.WebApplication>? mapExtra = null,
        Action<IServiceCollection>? services = null, string[]? args = null)
    {
        void Customise(Microsoft.AspNetCore.Builder.WebApplicationBuilder b)
        {
            if (archive is not null)
            {
                b.Services.AddSingleton(archive);
            }

            services?.Invoke(b.Services);
        }

        var server = await RunningServer.StartAsync(provider, mapExtra, Customise, args ?? []);
        var identity = server.Service<IdentityStore>();
        var ct = CancellationToken.None;
        var a = await identity.CreateClinicAsync("Clinic A", ["CLINIC_A"], ct);
        var b = await identity.CreateClinicAsync("Clinic B", ["CLINIC_B"], ct);
        var userA = await identity.CreateUserAsync("staff-a", "Staff A", Role.ClinicUser, a.Id, "password-a-123", ct);
        var userB = await identity.CreateUserAsync("staff-b", "Staff B", Role.ClinicUser, b.Id, "password-b-123", ct);
        var op = await identity.CreateUserAsync("ops", "Operator", Role.Operator, null, "password-o-123", ct);
        return new DicomWebServer(server, a.Id, b.Id,
            await identity.IssueTokenAsync(userA.Id, a.Id, "test", ct),
            await identity.IssueTokenAsync(userB.Id, b.Id, "test", ct),
            await identity.IssueTokenAsync(op.Id, null, "test", ct));
    }

    public HttpClient Client(string token) => Server.CreateClient(token);

    /// <summary>The Study Instance UIDs a QIDO-RS study search returns to <paramref name="client"/>, sorted.</summary>
    public static async Task<List<string>> StudyUidsAsync(HttpClient client, string query = "") =>
        [.. System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/dicomweb/studies" + query)).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("0020000D").GetProperty("Value")[0].GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>A STOW-RS request body holding the given files as application/dicom parts.</summary>
    public static Task<HttpContent> StowContentAsync(params string[] files) => StowContentAsync(files.Select(File.ReadAllBytes).ToArray());

    /// <summary>A STOW-RS request body holding the given PS3.10 instances as application/dicom parts.</summary>
    public static async Task<HttpContent> StowContentAsync(params byte[][] instances)
    {
        var body = new MemoryStream();
        var writer = new MultipartRelatedWriter(body);
        foreach (var instance in instances)
        {
            await writer.WritePartAsync(DicomMediaTypes.Dicom, new MemoryStream(instance));
        }

        await writer.CompleteAsync();
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(writer.ContentType(DicomMediaTypes.Dicom));
        return content;
    }

    /// <summary>The parts of a multipart/related response, each with its headers and bytes.</summary>
    public static async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, byte[] Body)>> ReadPartsAsync(HttpResponseMessage response)
    {
        var type = MediaTypeValue.Parse(response.Content.Headers.ContentType!.ToString());
        var reader = new MultipartRelatedReader(await response.Content.ReadAsStreamAsync(), type.Parameter("boundary")!);
        var parts = new List<(IReadOnlyDictionary<string, string>, byte[])>();
        while (await reader.ReadNextPartAsync(CancellationToken.None) is { } part)
        {
            using var buffer = new MemoryStream();
            await part.Body.CopyToAsync(buffer);
            parts.Add((part.Headers, buffer.ToArray()));
        }

        return parts;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
