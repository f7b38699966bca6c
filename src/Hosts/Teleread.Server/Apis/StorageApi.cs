using Teleread.Server.Archive;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

/// <summary>
/// Operators watch and start the storage scrub (verify both sites, repair lost or corrupted copies) and watch the
/// replication queue (Storage:Replication = Queued: copies the primary site holds and the others are still to receive).
/// </summary>
public static class StorageApi
{
    public static IEndpointRouteBuilder MapStorageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/storage/scrub", (StorageScrubJob job) => TypedResults.Ok(job.Status))
            .RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        app.MapPost("/api/admin/storage/scrub", IResult (StorageScrubJob job, IHostApplicationLifetime lifetime) =>
                job.TryStart(lifetime.ApplicationStopping)
                    ? TypedResults.Accepted("/api/admin/storage/scrub", job.Status)
                    : TypedResults.Conflict(new { error = "a scrub is already running", status = job.Status }))
            .RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        app.MapGet("/api/admin/storage/replication", async (SiteReplicationService replication, CancellationToken ct) =>
                TypedResults.Ok(await replication.GetStatusAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        return app;
    }
}
