namespace Teleread.Server.Health;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process is alive. /readyz: every dependency answers (200) or not (503, naming which).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("alive")).AllowAnonymous();
        app.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, ILogger<IReadinessCheck> logger, CancellationToken ct) =>
        {
            var results = new Dictionary<string, string>();
            var ok = true;
            foreach (var check in checks)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    await check.CheckAsync(timeout.Token).ConfigureAwait(false);
                    results[check.Name] = "ok";
                }
                catch (Exception ex)
                {
                    ServerLog.NotReady(logger, check.Name, ex);
                    results[check.Name] = "failed";
                    ok = false;
                }
            }

            return Results.Json(new { status = ok ? "ready" : "not ready", checks = results }, statusCode: ok ? 200 : 503);
        }).AllowAnonymous();
        return app;
    }
}
