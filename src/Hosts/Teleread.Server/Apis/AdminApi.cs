using Teleread.Identity;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

/// <summary>Operator views of clinics, plus the audit trail (operators: all; clinics: their own).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clinics", async (IdentityStore identity, CancellationToken ct) =>
            TypedResults.Ok(await identity.ListClinicsAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        app.MapGet("/api/audit", async (HttpContext ctx, AuditLog audit, int? limit, CancellationToken ct) =>
            TypedResults.Ok(await audit.QueryAsync(ctx.GetCaller(), limit ?? 100, ct).ConfigureAwait(false)))
            .RequireAuthorization(AuthenticationSetup.ClinicOrOperator).WithTags("Admin");
        return app;
    }
}
