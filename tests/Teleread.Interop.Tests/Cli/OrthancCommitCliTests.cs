using System.Globalization;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>
/// `teleread dicom commit --listen PORT` and `dicom store --commit --listen PORT` against Orthanc's storage commitment SCP.
/// Orthanc grants the SCP role we propose but sends its N-EVENT-REPORT on a new association to the requesting AE as its
/// DicomModalities know it (here TELEREAD at 127.0.0.1:PORT); the listener takes it and the first association is released.
/// </summary>
public sealed class OrthancCommitCliTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Mr = RepoPaths.Sample("pydicom/test_files/MR_small.dcm");

    [Fact]
    public async Task Commit_with_listen_reports_every_instance_stored_in_orthanc_committed()
    {
        var listen = LoopbackOnly.FreePort();
        await using var orthanc = await StartOrthancAsync(listen);
        var port = Port(orthanc);
        var store = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", port, Ct, Mr, "--aec", "ORTHANC");
        Assert.True(store.ExitCode == 0, store.StandardError + orthanc.Log);

        var commit = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", port, Ct, Mr, "--aec", "ORTHANC",
            "--listen", listen.ToString(CultureInfo.InvariantCulture), "--timeout", "20");

        Assert.True(commit.ExitCode == 0, commit.StandardOutput + commit.StandardError + orthanc.Log);
        Assert.Matches($@"committed\s+{Regex(Sop(Ct))}\s+{Regex(Ct)}", commit.StandardOutput);
        Assert.Matches($@"committed\s+{Regex(Sop(Mr))}\s+{Regex(Mr)}", commit.StandardOutput);
        Assert.Matches(@"transaction 2\.25\.\d+: 2 committed, 0 failed", commit.StandardOutput);
    }

    [Fact]
    public async Task An_instance_never_stored_in_orthanc_is_reported_failed()
    {
        var listen = LoopbackOnly.FreePort();
        await using var orthanc = await StartOrthancAsync(listen);
        var port = Port(orthanc);
        var store = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", port, Ct, "--aec", "ORTHANC");
        Assert.True(store.ExitCode == 0, store.StandardError + orthanc.Log);

        var commit = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", port, Ct, Mr, "--aec", "ORTHANC",
            "--listen", listen.ToString(CultureInfo.InvariantCulture), "--timeout", "20");

        Assert.True(commit.ExitCode == 1, commit.StandardOutput + commit.StandardError + orthanc.Log);
        Assert.Matches($@"committed\s+{Regex(Sop(Ct))}", commit.StandardOutput);
        Assert.Matches($@"failed\s+{Regex(Sop(Mr))}\s+{Regex(Mr)}\s+0x0112 no such object instance", commit.StandardOutput);
        Assert.Contains(": 1 committed, 1 failed", commit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_with_commit_and_listen_stores_into_orthanc_and_reports_them_committed()
    {
        var listen = LoopbackOnly.FreePort();
        await using var orthanc = await StartOrthancAsync(listen);

        var run = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", Port(orthanc), Ct, Mr, "--aec", "ORTHANC", "--commit",
            "--listen", listen.ToString(CultureInfo.InvariantCulture), "--timeout", "20");

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError + orthanc.Log);
        Assert.Contains(": 2 committed, 0 failed", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_orthanc_knows_us_at_another_port_the_timeout_names_the_port_and_ae_it_must_know()
    {
        var listen = LoopbackOnly.FreePort();
        await using var orthanc = await StartOrthancAsync(LoopbackOnly.FreePort());
        var port = Port(orthanc);
        var store = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", port, Ct, "--aec", "ORTHANC");
        Assert.True(store.ExitCode == 0, store.StandardError + orthanc.Log);

        var commit = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", port, Ct, "--aec", "ORTHANC",
            "--listen", listen.ToString(CultureInfo.InvariantCulture), "--timeout", "4");

        Assert.True(commit.ExitCode == 1, commit.StandardOutput + commit.StandardError + orthanc.Log);
        Assert.True(commit.StandardError.Contains("no N-EVENT-REPORT for transaction 2.25.", StringComparison.Ordinal)
            && commit.StandardError.Contains($"AE TELEREAD at 127.0.0.1:{listen}", StringComparison.Ordinal)
            && commit.StandardError.Contains("the node must know us as that AE, host and port", StringComparison.Ordinal), commit.StandardError);
        Assert.True(orthanc.Log.Contains("connecting to AET \"TELEREAD\"", StringComparison.Ordinal), orthanc.Log);
    }

    private static Task<OrthancPeer> StartOrthancAsync(int telereadPort) => OrthancPeer.StartAsync(new OrthancPeerOptions
    {
        DicomAeTitle = "ORTHANC",
        Modalities = new Dictionary<string, OrthancModality> { ["teleread"] = new("TELEREAD", "127.0.0.1", telereadPort) },
    });

    private static string Port(OrthancPeer orthanc) => orthanc.DicomPort!.Value.ToString(CultureInfo.InvariantCulture);

    private static string Sop(string file) => DicomFile.Open(file).Dataset.GetString(DicomTags.SOPInstanceUID).Trim();

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
