using System.Security.Claims;
using Teleread.Identity;

namespace Teleread.Server.Auth;

/// <summary>Maps a <see cref="Caller"/> to claims and back: the only place that knows the claim names.</summary>
public static class CallerClaims
{
    private const string UserId = "teleread:user";
    private const string Login = "teleread:login";
    private const string RoleClaim = ClaimTypes.Role;
    private const string Clinic = "teleread:clinic";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(UserId, caller.UserId), new(Login, caller.Login), new(RoleClaim, caller.Role.ToString()) };
        if (caller.ClinicId is not null)
        {
            claims.Add(new Claim(Clinic, caller.ClinicId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Login, RoleClaim));
    }

    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(UserId) is not { } id)
        {
            return null;
        }

        return new Caller(id, principal.FindFirstValue(Login) ?? "", Enum.Parse<Role>(principal.FindFirstValue(RoleClaim)!), principal.FindFirstValue(Clinic));
    }

    /// <summary>The authenticated caller of a request that passed authorisation.</summary>
    public static Caller GetCaller(this HttpContext context) =>
        FromPrincipal(context.User) ?? throw new InvalidOperationException("Endpoint reached without an authenticated caller.");
}
