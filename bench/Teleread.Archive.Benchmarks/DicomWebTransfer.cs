using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Teleread.Archive.Benchmarks;

/// <summary>STOW-RS of a folder in multipart/related batches, and WADO-RS of one whole series (read to the end, not kept).</summary>
internal static class DicomWebTransfer
{
    public static async Task<int> StowAsync(string baseUrl, string token, string folder, int batch)
    {
        using var http = Client(baseUrl, token);
        var files = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).ToArray();
        var bytes = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in files.Chunk(batch))
        {
            using var content = new MultipartContent("related", "teleread-bench-" + Guid.NewGuid().ToString("N"));
            content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
            foreach (var file in chunk)
            {
                var part = new StreamContent(File.OpenRead(file));
                part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
                content.Add(part);
                bytes += new FileInfo(file).Length;
            }

            using var response = await http.PostAsync("studies", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"STOW-RS: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stow {files.Length} {seconds:F3} {files.Length / seconds:F1} {bytes / 1e6 / seconds:F1}"));
        return 0;
    }

    /// <summary>
    /// Retrieves the series once untimed (the server's code paths compiled, its files in the page cache — the same for
    /// every server), then <paramref name="rounds"/> times timed; prints bytes, the median seconds and MB/s.
    /// </summary>
    public static async Task<int> WadoAsync(string baseUrl, string token, string study, string series, int rounds = 5)
    {
        using var http = Client(baseUrl, token);
        await RetrieveAsync(http, study, series);
        var seconds = new List<double>();
        long total = 0;
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            total = await RetrieveAsync(http, study, series);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        var median = seconds[seconds.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wado {total} {median:F3} {total / 1e6 / median:F1}"));
        return 0;
    }

    private static async Task<long> RetrieveAsync(HttpClient http, string study, string series)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{study}/series/{series}");
        request.Headers.Accept.ParseAdd("multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static HttpClient Client(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        if (token.Length > 0 && token != "-")
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
