using System.Globalization;
using System.Net;
using Teleread.Cli.Commands;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>`teleread dicom commit` and `dicom store --commit` against <see cref="DicomStorageCommitmentScp"/> on loopback.</summary>
public sealed class DicomCommitCommandTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Mr = RepoPaths.Sample("pydicom/test_files/MR_small.dcm");

    [Fact]
    public async Task Commit_prints_every_instance_committed_and_exits_zero()
    {
        var held = new HashSet<string>([Sop(Ct), Sop(Mr)], StringComparer.Ordinal);
        await using var server = StartServer(held);

        var run = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", Port(server), Ct, Mr, "--aec", "ARCHIVE", "--timeout", "10");

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Matches($@"committed\s+{Regex(Sop(Ct))}\s+{Regex(Ct)}", run.StandardOutput);
        Assert.Matches($@"committed\s+{Regex(Sop(Mr))}\s+{Regex(Mr)}", run.StandardOutput);
        Assert.Matches(@"transaction 2\.25\.\d+: 2 committed, 0 failed", run.StandardOutput);
    }

    [Fact]
    public async Task Commit_exits_one_and_names_the_failure_reason_of_an_instance_the_node_does_not_hold()
    {
        await using var server = StartServer(new HashSet<string>([Sop(Ct)], StringComparer.Ordinal));

        var run = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", Port(server), Ct, Mr, "--timeout", "10");

        Assert.True(run.ExitCode == 1, run.StandardOutput + run.StandardError);
        Assert.Matches($@"committed\s+{Regex(Sop(Ct))}", run.StandardOutput);
        Assert.Matches($@"failed\s+{Regex(Sop(Mr))}\s+{Regex(Mr)}\s+0x0112 no such object instance", run.StandardOutput);
        Assert.Contains(": 1 committed, 1 failed", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_with_commit_stores_then_commits_on_the_same_association()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        var associations = 0;
        var policy = CommitmentPolicy().AcceptAnyAbstractSyntax(DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian);
        policy.RequestValidator = (_, _) =>
        {
            Interlocked.Increment(ref associations);
            return ValueTask.FromResult<DicomAssociationRejection?>(null);
        };
        await using var server = Start(policy, new DicomServiceDispatcher { Store = new HoldingStore(held), NAction = Scp(held) });

        var run = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", Port(server), Ct, Mr, "--commit", "--timeout", "10");

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Contains(": 2 committed, 0 failed", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, associations);
    }

    [Fact]
    public async Task A_rejected_association_and_a_refused_connection_are_one_line_errors()
    {
        var policy = CommitmentPolicy();
        policy.RequestValidator = (_, _) => ValueTask.FromResult<DicomAssociationRejection?>(DicomAssociationRejection.CallingAeTitleNotRecognized);
        await using var server = Start(policy, new DicomServiceDispatcher { NAction = Scp([]) });

        var rejected = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", Port(server), Ct, "--aet", "STRANGER", "--timeout", "5");
        var refused = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", LoopbackOnly.FreePort().ToString(CultureInfo.InvariantCulture), Ct, "--timeout", "5");

        Assert.Equal(1, rejected.ExitCode);
        Assert.Equal($"teleread dicom commit: ANY-SCP@127.0.0.1:{Port(server)} rejected the association (permanent): calling AE title not recognized",
            rejected.StandardError.Trim());
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("teleread dicom commit: cannot reach 127.0.0.1:", refused.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_does_not_grant_the_scp_role_is_reported_as_such()
    {
        var policy = new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, DicomUids.ExplicitVRLittleEndian);
        await using var server = Start(policy, new DicomServiceDispatcher { NAction = Scp([]) });

        var run = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", Port(server), Ct, "--timeout", "5");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not grant us the SCP role for Storage Commitment Push Model, so it would send its report on a new association",
            run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dicom_group_help_lists_commit()
    {
        var run = await TelereadCli.RunAsync("dicom", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"dicom commit\s+Ask a node to commit", run.StandardOutput);
        Assert.DoesNotContain("serve", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_on_a_port_in_use_is_one_line_naming_the_address()
    {
        await using var server = StartServer(new HashSet<string>([Sop(Ct)], StringComparer.Ordinal));
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var run = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", Port(server), Ct, "--listen", port.ToString(CultureInfo.InvariantCulture), "--timeout", "5");

            Assert.True(run.ExitCode == 1, run.StandardOutput + run.StandardError);
            Assert.Equal($"teleread dicom commit: cannot listen on 127.0.0.1:{port}: the port is already in use", run.StandardError.Trim());
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Listen_options_without_listen_or_without_commit_are_usage_errors()
    {
        var aetAlone = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", "104", Ct, "--listen-aet", "ME");
        var storeWithoutCommit = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", "104", Ct, "--listen", "11113");
        var badPort = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", "104", Ct, "--listen", "http");

        Assert.Equal(2, aetAlone.ExitCode);
        Assert.Contains("--listen-aet and --listen-host need --listen PORT", aetAlone.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, storeWithoutCommit.ExitCode);
        Assert.Contains("use it with --commit", storeWithoutCommit.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, badPort.ExitCode);
        Assert.Contains("--listen expects a port from 1 to 65535, got 'http'", badPort.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_comes_from_the_file_header()
    {
        var reference = DicomCommitCommand.ReadReference(Ct);

        Assert.Equal(DicomFile.Open(Ct).Dataset.GetString(DicomTags.SOPClassUID).Trim(), reference.SopClassUid);
        Assert.Equal(Sop(Ct), reference.SopInstanceUid);
    }

    private static string Sop(string file) => DicomFile.Open(file).Dataset.GetString(DicomTags.SOPInstanceUID).Trim();

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private static string Port(DicomServer server) => server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);

    private static DicomAssociationPolicy CommitmentPolicy() => new DicomAssociationPolicy()
        .Accept(DicomUids.StorageCommitmentPushModel, DicomUids.ExplicitVRLittleEndian)
        .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: true);

    private static DicomServer StartServer(HashSet<string> held) => Start(CommitmentPolicy(), new DicomServiceDispatcher { NAction = Scp(held) });

    private static DicomServer Start(DicomAssociationPolicy policy, DicomServiceDispatcher dispatcher)
    {
        var server = new DicomServer(new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0 }, policy, dispatcher.HandleAsync);
        server.Start();
        return server;
    }

    private static DicomStorageCommitmentScp Scp(HashSet<string> held) => new((request, _, _) =>
    {
        lock (held)
        {
            return ValueTask.FromResult(new DicomStorageCommitmentResult(request.TransactionUid,
                request.References.Where(r => held.Contains(r.SopInstanceUid)).ToList(),
                request.References.Where(r => !held.Contains(r.SopInstanceUid))
                    .Select(r => new DicomStorageCommitmentFailure(r, DicomStorageCommitmentFailure.NoSuchObjectInstance)).ToList()));
        }
    });

    private sealed class HoldingStore(HashSet<string> held) : IDicomStoreHandler
    {
        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            await dataSet.CopyToAsync(Stream.Null, cancellationToken);
            lock (held)
            {
                held.Add(request.SopInstanceUid.Trim());
            }

            return DicomStatus.Success;
        }
    }
}
