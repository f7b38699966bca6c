using System.Diagnostics;
using System.Net.Http.Headers;

namespace Teleread.Archive.Benchmarks;

/// <summary>QIDO-RS study searches through the real HTTP endpoint, one at a time on a kept-alive connection.</summary>
internal static class QidoLatency
{
    public static async Task<int> RunAsync(string baseUrl, string token, int studies, int rounds, bool orthanc)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
        if (token.Length > 0 && token != "-")
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Orthanc's DICOMweb plugin has no fuzzy matching: that shape is left out of its mix.
        var shapes = QueryMix.QidoShapes.Where(s => !orthanc || s != "fuzzy name").ToArray();
        var all = new List<double>();
        var matches = 0L;
        for (var warm = 0; warm < 20; warm++)
        {
            await GetAsync(http, QueryMix.Qido(shapes[warm % shapes.Length], warm + 1000, studies));
        }

        foreach (var shape in shapes)
        {
            var samples = new List<double>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                matches += await GetAsync(http, QueryMix.Qido(shape, round, studies));
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(Percentiles.Line(shape, samples));
            all.AddRange(samples);
        }

        Console.WriteLine(Percentiles.Line("all", all));
        Console.WriteLine($"matches per query (mean) {matches / (double)all.Count:F1}");
        return matches == 0 ? 1 : 0;
    }

    private static async Task<int> GetAsync(HttpClient http, string query)
    {
        using var response = await http.GetAsync("studies?" + query);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET studies?{query}: {(int)response.StatusCode} {body}");
        }

        return body.Length <= 2 ? 0 : System.Text.Json.JsonDocument.Parse(body).RootElement.GetArrayLength();
    }
}
