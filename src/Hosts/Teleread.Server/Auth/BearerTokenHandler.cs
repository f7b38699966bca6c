using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Teleread.Identity;

namespace Teleread.Server.Auth;

/// <summary>Authenticates `Authorization: Bearer tr_…` API tokens (DICOMweb clients, gateways, scripts).</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentityStore identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await identity.VerifyTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        return caller is null
            ? AuthenticateResult.Fail("Invalid or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"teleread\"";
        return Task.CompletedTask;
    }
}
