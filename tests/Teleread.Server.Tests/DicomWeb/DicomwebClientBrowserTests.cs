using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

public sealed class DicomwebClientBrowserTests
{
    /// <summary>The page, served as http://localhost:PORT while DICOMweb is called at http://127.0.0.1:PORT: another origin, so CORS is exercised.</summary>
    private const string Page = """
        <!doctype html><html><body>
        <canvas id="rendered" width="128" height="128"></canvas><canvas id="frame" width="128" height="128"></canvas>
        <script src="/test-viewer/dicomweb-client.js"></script>
        <script>
        function nonBlack(canvas) {
          const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) { if (d[i] > 0 || d[i + 1] > 0 || d[i + 2] > 0) n++; }
          return n;
        }
        window.run = async (url, token) => {
          const client = new DICOMwebClient.api.DICOMwebClient({ url, headers: { Authorization: 'Bearer ' + token } });
          const studies = await client.searchForStudies();
          const studyInstanceUID = studies[0]['0020000D'].Value[0];
          const instances = await client.searchForInstances({ studyInstanceUID });
          const seriesInstanceUID = instances[0]['0020000E'].Value[0];
          const sopInstanceUID = instances[0]['00080018'].Value[0];
          const ids = { studyInstanceUID, seriesInstanceUID, sopInstanceUID };

          const png = await client.retrieveInstanceRendered({ ...ids, mediaTypes: [{ mediaType: 'image/png' }], queryParams: { viewport: '128,128' } });
          // dicomweb-client 0.11 hands back the body as an array of one ArrayBuffer.
          const bitmap = await createImageBitmap(new Blob([Array.isArray(png) ? png[0] : png], { type: 'image/png' }));
          document.getElementById('rendered').getContext('2d').drawImage(bitmap, 0, 0);

          const metadata = await client.retrieveInstanceMetadata(ids);
          const rows = metadata[0]['00280010'].Value[0], columns = metadata[0]['00280011'].Value[0];
          const frames = await client.retrieveInstanceFrames({ ...ids, frameNumbers: [1] });
          const values = new Int16Array(frames[0]);
          let min = Infinity, max = -Infinity;
          for (const v of values) { min = Math.min(min, v); max = Math.max(max, v); }
          const canvas = document.getElementById('frame');
          canvas.width = columns; canvas.height = rows;
          const image = canvas.getContext('2d').createImageData(columns, rows);
          for (let i = 0; i < values.length; i++) {
            const g = Math.round(255 * (values[i] - min) / Math.max(1, max - min));
            image.data.set([g, g, g, 255], i * 4);
          }
          canvas.getContext('2d').putImageData(image, 0, 0);
          return { studies: studies.length, frameBytes: frames[0].byteLength, rows, columns, rendered: nonBlack(document.getElementById('rendered')), frame: nonBlack(canvas) };
        };
        </script></body></html>
        """;

    [Fact]
    public async Task Dicomweb_client_in_chromium_searches_and_draws_rendered_and_frame_pixels_across_origins()
    {
        var umd = Path.Combine(RepoPaths.Root, "tools", "test", "node_modules", "dicomweb-client", "build", "dicomweb-client.js");
        Assert.True(File.Exists(umd), $"{umd} is missing: run npm ci --prefix tools/test");
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive(), app =>
        {
            app.MapGet("/test-viewer/index.html", () => Results.Content(Page, "text/html")).AllowAnonymous();
            app.MapGet("/test-viewer/dicomweb-client.js", () => Results.File(umd, "text/javascript")).AllowAnonymous();
        });
        using (var client = web.Client(web.ClinicAToken))
        {
            await WadoTests.StowAsync(client, RepoPaths.Sample("pydicom/test_files/CT_small.dcm"));
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var traffic = new System.Collections.Concurrent.ConcurrentQueue<string>();
            page.Response += (_, r) => traffic.Enqueue($"{r.Request.Method} {r.Url} {r.Status}");
            page.RequestFailed += (_, r) => traffic.Enqueue($"{r.Method} {r.Url} failed {r.Failure}");
            await page.GotoAsync($"http://localhost:{web.Server.BaseAddress.Port}/test-viewer/index.html");

            JsonElement result;
            try
            {
                result = await page.EvaluateAsync<JsonElement>("([url, token]) => window.run(url, token)",
                    new object[] { new Uri(web.Server.BaseAddress, "dicomweb").ToString(), web.ClinicAToken });
            }
            catch (PlaywrightException e)
            {
                throw new InvalidOperationException(e.Message + "\n" + string.Join("\n", traffic), e);
            }

            Assert.Equal(1, result.GetProperty("studies").GetInt32());
            Assert.Equal(128 * 128 * 2, result.GetProperty("frameBytes").GetInt32());
            Assert.True(result.GetProperty("rendered").GetInt32() > 128 * 128 / 4, result.ToString());
            Assert.True(result.GetProperty("frame").GetInt32() > 128 * 128 / 4, result.ToString());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
