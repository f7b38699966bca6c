using System.Globalization;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>
/// `teleread dicom commit` against Orthanc's storage commitment SCP. Orthanc grants the SCP role we propose but still sends
/// its N-EVENT-REPORT on a new association to the requesting modality, which `dicom commit` does not listen for: the
/// command must stop after --timeout and say why, not hang.
/// </summary>
public sealed class OrthancCommitCliTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");

    [Fact]
    public async Task Commit_against_orthanc_stops_after_the_timeout_because_orthanc_reports_on_a_new_association()
    {
        await using var orthanc = await OrthancPeer.StartAsync(new OrthancPeerOptions
        {
            DicomAeTitle = "ORTHANC",
            Modalities = new Dictionary<string, OrthancModality> { ["teleread"] = new("TELEREAD", "127.0.0.1", LoopbackOnly.FreePort()) },
        });
        var port = orthanc.DicomPort!.Value.ToString(CultureInfo.InvariantCulture);
        var store = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", port, Ct, "--aec", "ORTHANC");
        Assert.True(store.ExitCode == 0, store.StandardError + orthanc.Log);

        var commit = await TelereadCli.RunAsync("dicom", "commit", "127.0.0.1", port, Ct, "--aec", "ORTHANC", "--timeout", "5");

        Assert.True(commit.ExitCode == 1, commit.StandardOutput + commit.StandardError + orthanc.Log);
        Assert.True(commit.StandardError.Contains("no N-EVENT-REPORT for transaction 2.25.", StringComparison.Ordinal)
            && commit.StandardError.Contains("like Orthanc, is not supported", StringComparison.Ordinal), commit.StandardError + orthanc.Log);
        Assert.True(orthanc.Log.Contains("connecting to AET \"TELEREAD\"", StringComparison.Ordinal), orthanc.Log);
    }
}
