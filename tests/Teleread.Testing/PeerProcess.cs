using System.Collections.Concurrent;
using System.Diagnostics;

namespace Teleread.Testing;

/// <summary>A long-running external peer (Orthanc, storescp, dcmqrscp) kept on loopback, its console captured, killed on dispose.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private PeerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The peer's console output, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    public static PeerProcess Start(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in LoopbackOnly.Environment)
        {
            psi.Environment[k] = v;
        }

        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        var peer = new PeerProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file));
        peer._process.OutputDataReceived += (_, e) => peer.Record(e.Data);
        peer._process.ErrorDataReceived += (_, e) => peer.Record(e.Data);
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits until <paramref name="ready"/> holds (polled every 100 ms); throws with the log when the peer dies or 15 s pass.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, string what)
    {
        for (var attempt = 0; attempt < 150 && !_process.HasExited; attempt++)
        {
            if (await ready())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{what} did not start within 15 seconds:\n{Log}");
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is not null && _log.Count < 5000)
        {
            _log.Enqueue(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
