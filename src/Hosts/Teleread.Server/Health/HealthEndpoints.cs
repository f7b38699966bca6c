namespace Teleread.Server.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// /healthz: the process is alive. /readyz: every dependency answers (200 "ready"), one the server works around does
    /// not (200 "degraded", naming it: an operator should look, a load balancer should keep sending), or a required one
    /// does not (503 "not ready", naming it).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("alive")).AllowAnonymous();
        app.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, ILogger<IReadinessCheck> logger, CancellationToken ct) =>
        {
            var results = new Dictionary<string, string>();
            var ok = true;
            var degraded = false;
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
                    ok &= !check.Required;
                    degraded |= !check.Required;
                }
            }

            var status = !ok ? "not ready" : degraded ? "degraded" : "ready";
            return Results.Json(new { status, checks = results }, statusCode: ok ? 200 : 503);
        }).AllowAnonymous();
        return app;
    }
}
