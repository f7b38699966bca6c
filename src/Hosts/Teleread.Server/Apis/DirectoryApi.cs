using Teleread.Identity;

namespace Teleread.Server.Apis;

/// <summary>The public radiologist directory: certification, experience and subspecialties, no login needed.</summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/radiologists", async (IdentityStore identity, CancellationToken ct) =>
            TypedResults.Ok(await identity.ListRadiologistsAsync(ct).ConfigureAwait(false)))
            .AllowAnonymous().WithTags("Directory");
        return app;
    }
}
