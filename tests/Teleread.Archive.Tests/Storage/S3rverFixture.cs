using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.S3;
using Teleread.Archive.S3;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>
/// Runs the npm package s3rver on 127.0.0.1 (port 0) with buckets "east" and "west". It is installed by
/// <c>npm ci --prefix tools/test</c>; when node or s3rver is missing the tests fail with that instruction.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private readonly TemporaryDirectory _data = new();
    private Process? _process;
    private int _prefixes;

    public string ServiceUrl { get; private set; } = "";

    public AmazonS3Client Client { get; private set; } = null!;

    public BlobSiteOptions Site(string bucket) => new()
    {
        Name = bucket,
        Kind = BlobSiteKind.S3,
        ServiceUrl = ServiceUrl,
        Bucket = bucket,
        AccessKeyId = AccessKey,
        SecretAccessKey = SecretKey,
        KeyPrefix = $"run{Interlocked.Increment(ref _prefixes)}/",
        PartSizeBytes = BlobSiteOptions.MinimumPartSizeBytes,
    };

    /// <summary>A store over a key prefix no other test uses, so every test starts empty.</summary>
    public S3BlobStore CreateStore(string bucket = "east")
    {
        var site = Site(bucket);
        return new S3BlobStore(Client, bucket, bucket, site.KeyPrefix, site.PartSizeBytes);
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(StorageTestHelpers.FindRepositoryRoot(), "tools", "test", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed ({script} is missing). Run: npm ci --prefix tools/test");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "-d", _data.Path, "-a", "127.0.0.1", "-p", "0", "--silent", "--configure-bucket", "east", "--configure-bucket", "west" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed or not on PATH; the S3 storage tests need node and s3rver (npm ci --prefix tools/test).", e);
        }

        var errors = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"s3rver exited before listening: {await errors}");
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                ServiceUrl = $"http://127.0.0.1:{match.Groups[1].Value}";
                break;
            }
        }

        _ = _process.StandardOutput.ReadToEndAsync();
        Client = S3BlobSiteFactory.CreateClient(Site("east"));
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"S3rver listening on [0-9.]+:(\d+)")]
    private static partial Regex ListeningLine();
}
