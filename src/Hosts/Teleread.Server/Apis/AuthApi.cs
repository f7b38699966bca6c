using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Teleread.Identity;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

public static class AuthApi
{
    public sealed record LoginRequest(string Login, string Password);

    public sealed record MeResponse(string UserId, string Login, string Role, string? ClinicId);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        group.MapGet("/me", (HttpContext ctx) =>
        {
            var c = ctx.GetCaller();
            return TypedResults.Ok(new MeResponse(c.UserId, c.Login, c.Role.ToString(), c.ClinicId));
        }).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext ctx, IdentityStore identity, ILogger<LoginRequest> logger, CancellationToken ct)
    {
        var caller = string.IsNullOrEmpty(request.Login) || string.IsNullOrEmpty(request.Password)
            ? null
            : await identity.VerifyPasswordAsync(request.Login, request.Password, ct).ConfigureAwait(false);
        if (caller is null)
        {
            ServerLog.SignInRefused(logger, request.Login ?? "");
            return TypedResults.Problem("Wrong login or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused");
        }

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await ctx.SignInAsync(scheme, CallerClaims.ToPrincipal(caller, scheme)).ConfigureAwait(false);
        return TypedResults.Ok(new MeResponse(caller.UserId, caller.Login, caller.Role.ToString(), caller.ClinicId));
    }
}
