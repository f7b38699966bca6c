using Teleread.Dicom;
using Teleread.Server.Auth;

namespace Teleread.Server.DicomWeb;

/// <summary>Finds and loads the instances a retrieve request names, applying the caller's scope (404 when nothing visible).</summary>
public static class DicomWebInstanceAccess
{
    public static async Task<IReadOnlyList<DicomWebInstance>> FindAsync(HttpContext http, IDicomWebArchive archive, string study, string? series, string? instance, CancellationToken ct)
    {
        var found = await archive.ListInstancesAsync(http.GetCaller(), study, series, instance, ct).ConfigureAwait(false);
        return found.Count > 0 ? found : throw DicomWebRequestException.NotFound("No such study, series or instance.");
    }

    public static async Task<DicomWebInstance> FindOneAsync(HttpContext http, IDicomWebArchive archive, string study, string series, string instance, CancellationToken ct) =>
        (await FindAsync(http, archive, study, series, instance, ct).ConfigureAwait(false))[0];

    /// <summary>Reads the whole instance (for metadata, frames and rendering, which need the parsed data set).</summary>
    public static async Task<DicomFile> LoadAsync(IDicomWebArchive archive, DicomWebInstance instance, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await using (var stream = await archive.OpenAsync(instance, ct).ConfigureAwait(false))
        {
            await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        }

        buffer.Position = 0;
        return DicomFile.Open(buffer);
    }
}
