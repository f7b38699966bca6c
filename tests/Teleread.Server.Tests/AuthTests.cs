using System.Net;
using System.Net.Http.Json;
using Teleread.Identity;

namespace Teleread.Server.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Sign_in_with_the_right_password_opens_a_session_and_the_wrong_one_is_refused(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var identity = server.Service<IdentityStore>();
        var clinic = await identity.CreateClinicAsync("Test clinic", ["TEST_AE"], CancellationToken.None);
        await identity.CreateUserAsync("staff", "Staff", Role.ClinicUser, clinic.Id, "correct horse", CancellationToken.None);
        using var client = server.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { login = "staff", password = "battery staple" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { login = "nobody", password = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var right = await client.PostAsJsonAsync("/api/auth/login", new { login = "staff", password = "correct horse" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var me = await client.GetFromJsonAsync<Dictionary<string, string>>("/api/auth/me");
        Assert.Equal("staff", me!["login"]);
        Assert.Equal(clinic.Id, me["clinicId"]);

        await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Bearer_tokens_authenticate_and_roles_limit_what_they_reach()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        var clinic = await identity.CreateClinicAsync("Test clinic", ["TEST_AE"], CancellationToken.None);
        var staff = await identity.CreateUserAsync("staff", "Staff", Role.ClinicUser, clinic.Id, "pw-staff-123", CancellationToken.None);
        var op = await identity.CreateUserAsync("op", "Operator", Role.Operator, null, "pw-op-123", CancellationToken.None);
        var clinicToken = await identity.IssueTokenAsync(staff.Id, clinic.Id, "test", CancellationToken.None);
        var operatorToken = await identity.IssueTokenAsync(op.Id, null, "test", CancellationToken.None);

        using (var bad = server.CreateClient("tr_not-a-real-token"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/auth/me")).StatusCode);
        }

        using var clinicClient = server.CreateClient(clinicToken);
        Assert.Equal(HttpStatusCode.OK, (await clinicClient.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinicClient.GetAsync("/api/clinics")).StatusCode);

        using var operatorClient = server.CreateClient(operatorToken);
        var clinics = await operatorClient.GetStringAsync("/api/clinics");
        Assert.Contains("TEST_AE", clinics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_api_access_is_audited_and_a_clinic_sees_only_its_own_audit_events()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("A", ["AE_A"], CancellationToken.None);
        var b = await identity.CreateClinicAsync("B", ["AE_B"], CancellationToken.None);
        var ua = await identity.CreateUserAsync("ua", "UA", Role.ClinicUser, a.Id, "pw-a-123456", CancellationToken.None);
        var ub = await identity.CreateUserAsync("ub", "UB", Role.ClinicUser, b.Id, "pw-b-123456", CancellationToken.None);
        using var ca = server.CreateClient(await identity.IssueTokenAsync(ua.Id, a.Id, "t", CancellationToken.None));
        using var cb = server.CreateClient(await identity.IssueTokenAsync(ub.Id, b.Id, "t", CancellationToken.None));

        await ca.GetAsync("/api/auth/me");
        await cb.GetAsync("/api/clinics");

        var events = await server.Service<AuditLog>().QueryAsync(new Caller("op", "op", Role.Operator, null), 100, CancellationToken.None);
        Assert.Contains(events, e => e.ActorUserId == ua.Id && e.Resource == "/api/auth/me" && e.Outcome == "200");
        Assert.Contains(events, e => e.ActorUserId == ub.Id && e.Resource == "/api/clinics" && e.Outcome == "403");

        var seenByA = await ca.GetFromJsonAsync<List<AuditEvent>>("/api/audit");
        Assert.NotEmpty(seenByA!);
        Assert.All(seenByA!, e => Assert.Equal(a.Id, e.ActorClinicId));
    }
}
