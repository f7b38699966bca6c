using System.Security.Cryptography;
using System.Text;

namespace Teleread.Dicom.Web;

/// <summary>Writes a multipart/related body part by part, streaming each part's content.</summary>
public sealed class MultipartRelatedWriter(Stream destination, string? boundary = null)
{
    public string Boundary { get; } = boundary ?? "teleread-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The Content-Type header value for the whole body.</summary>
    public string ContentType(string partType, string? transferSyntax = null) =>
        $"multipart/related; type=\"{partType}\"; boundary={Boundary}" + (transferSyntax is null ? "" : $"; transfer-syntax={transferSyntax}");

    public async Task WritePartAsync(string contentType, Func<Stream, Task> writeContent, IReadOnlyDictionary<string, string>? headers = null, CancellationToken ct = default)
    {
        var head = new StringBuilder();
        head.Append("\r\n--").Append(Boundary).Append("\r\nContent-Type: ").Append(contentType).Append("\r\n");
        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            head.Append(k).Append(": ").Append(v).Append("\r\n");
        }

        head.Append("\r\n");
        await destination.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        await writeContent(destination).ConfigureAwait(false);
    }

    public Task WritePartAsync(string contentType, Stream content, IReadOnlyDictionary<string, string>? headers = null, CancellationToken ct = default) =>
        WritePartAsync(contentType, d => content.CopyToAsync(d, 81920, ct), headers, ct);

    public async Task CompleteAsync(CancellationToken ct = default) =>
        await destination.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"), ct).ConfigureAwait(false);
}
