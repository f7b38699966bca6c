using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Teleread.Identity;

namespace Teleread.Server.Auth;

/// <summary>
/// Two ways in: a signed-in browser session (cookie) or a bearer API token. A policy scheme picks
/// by the Authorization header. APIs answer 401/403, never a redirect.
/// </summary>
public static class AuthenticationSetup
{
    public const string Policy = "teleread";
    public const string OperatorOnly = "operator";
    public const string ClinicOrOperator = "clinic-or-operator";

    public static IServiceCollection AddTelereadAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Policy)
            .AddPolicyScheme(Policy, Policy, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "teleread.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Policy).RequireAuthenticatedUser().Build())
            .AddPolicy(OperatorOnly, p => p.AddAuthenticationSchemes(Policy).RequireRole(nameof(Role.Operator)))
            .AddPolicy(ClinicOrOperator, p => p.AddAuthenticationSchemes(Policy).RequireRole(nameof(Role.Operator), nameof(Role.ClinicUser)));
        return services;
    }
}
