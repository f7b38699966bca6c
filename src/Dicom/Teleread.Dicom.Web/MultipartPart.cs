namespace Teleread.Dicom.Web;

/// <summary>
/// One part of a multipart/related body. <see cref="Body"/> streams the part's bytes from the request and
/// must be read (or left) before the next part is asked for.
/// </summary>
public sealed class MultipartPart(IReadOnlyDictionary<string, string> headers, Stream body)
{
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public Stream Body { get; } = body;

    public string? ContentType => Headers.TryGetValue("Content-Type", out var v) ? v : null;

    public string? ContentLocation => Headers.TryGetValue("Content-Location", out var v) ? v : null;
}
