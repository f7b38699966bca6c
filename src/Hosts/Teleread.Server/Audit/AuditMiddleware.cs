using Teleread.Identity;
using Teleread.Server.Auth;

namespace Teleread.Server.Audit;

/// <summary>
/// Records every access to the APIs and DICOMweb (who, what, outcome) in the audit trail, including
/// refused ones. The event is written before the response starts, so a caller never holds data whose
/// access is not yet recorded. The query string is not recorded: it may carry patient names.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditLog audit, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/dicomweb") || path.StartsWithSegments("/wado"))
        {
            context.Response.OnStarting(() => WriteAsync(context));
        }

        return next(context);
    }

    private async Task WriteAsync(HttpContext context)
    {
        var caller = CallerClaims.FromPrincipal(context.User);
        var e = new AuditEvent(
            clock.GetUtcNow(), caller?.UserId, caller?.ClinicId, context.Request.Method, context.Request.Path.Value ?? "",
            context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            context.Connection.RemoteIpAddress?.ToString(), null);
        try
        {
            await audit.WriteAsync(e, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ServerLog.AuditWriteFailed(logger, ex);
        }
    }
}
