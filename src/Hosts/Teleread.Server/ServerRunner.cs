using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Teleread.Server.Configuration;
using Teleread.Server.Demo;

namespace Teleread.Server;

/// <summary>Runs the server until SIGTERM / Ctrl+C; with demo data when asked.</summary>
public static class ServerRunner
{
    public static Task<int> RunAsync(string[] args, bool demo, CancellationToken ct) => RunAsync(args, demo, Console.Error, ct);

    /// <summary>As <see cref="RunAsync(string[], bool, CancellationToken)"/>; a port that cannot be bound is said on <paramref name="error"/> (exit code 1).</summary>
    public static async Task<int> RunAsync(string[] args, bool demo, TextWriter error, CancellationToken ct)
    {
        RaiseThreadPoolMinimum();
        var app = TelereadServer.Build(args);
        await TelereadServer.PrepareAsync(app, ct).ConfigureAwait(false);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
        {
            await error.WriteLineAsync($"teleread: {problem}").ConfigureAwait(false);
            await StopQuietlyAsync(app).ConfigureAwait(false);
            return 1;
        }

        var options = app.Services.GetRequiredService<IOptions<TelereadOptions>>().Value;
        var url = BoundUrl(app);
        ServerLog.Started(app.Logger, url, options.DataDirectory, app.Services.GetRequiredService<Teleread.Data.IDatabase>().Description);

        if (demo)
        {
            var credentials = await app.Services.GetRequiredService<DemoSeeder>().EnsureAsync(options, url, ct).ConfigureAwait(false);
            PrintDemoBanner(credentials, options);
        }
        else
        {
            Console.WriteLine($"Teleread is running at {url}  (Ctrl+C to stop)");
        }

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => ServerLog.Stopping(app.Logger, options.ShutdownTimeoutSeconds));
        await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Stops what did start (the DICOM listener, background services) after another part failed to.</summary>
    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already failing to start: what is said is the reason it did not start.
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Storage fsyncs block pool threads (a file and a directory per site, side by side, for each instance stored); with
    /// the default minimum (the core count) the pool would add threads only slowly under load, so start with more.
    /// </summary>
    private static void RaiseThreadPoolMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
    }

    public static string BoundUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8080";

    private static void PrintDemoBanner(DemoCredentials c, TelereadOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("  Teleread demo is running.");
        Console.WriteLine($"  Web app:   {c.Url}");
        Console.WriteLine($"  DICOMweb:  {c.Url}/dicomweb   (Authorization: Bearer <clinic token>)");
        Console.WriteLine($"  DICOM:     {c.Dicom.AeTitle}@{c.Dicom.Host}:{c.Dicom.Port}   (calling AE DEMO_CLINIC_A or DEMO_CLINIC_B)");
        Console.WriteLine();
        Console.WriteLine("  Demo logins:");
        foreach (var u in c.Users)
        {
            Console.WriteLine($"    {u.Login,-12} {u.Password,-18} {u.Role,-12} {u.DisplayName}");
        }

        Console.WriteLine();
        Console.WriteLine($"  Logins and API tokens: {Path.Combine(options.DataDirectory, DemoSeeder.FileName)}");
        Console.WriteLine("  Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
