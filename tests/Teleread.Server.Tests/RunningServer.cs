using System.Net;
using Microsoft.AspNetCore.Builder;
using Teleread.Server;
using Teleread.Testing;

namespace Teleread.Server.Tests;

/// <summary>A real Teleread server on 127.0.0.1:0 with its own data directory (and PostgreSQL database when asked).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly string[] _args;
    private readonly Action<WebApplication>? _mapExtra;
    private PostgresTestDatabase? _postgres;
    private bool _handedOver;

    private RunningServer(WebApplication app, string dataDirectory, PostgresTestDatabase? postgres, string[] args, Action<WebApplication>? mapExtra)
    {
        App = app;
        DataDirectory = dataDirectory;
        _postgres = postgres;
        _args = args;
        _mapExtra = mapExtra;
        BaseAddress = new Uri(ServerRunner.BoundUrl(app));
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public static async Task<RunningServer> StartAsync(string provider, Action<WebApplication>? mapExtra = null, Action<WebApplicationBuilder>? customise = null, params string[] extraArgs)
    {
        var data = Directory.CreateTempSubdirectory("teleread-test-").FullName;
        PostgresTestDatabase? pg = null;
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--data", data, "--dicom-port", "0", "--shutdown-timeout", "10" };
        args.AddRange(extraArgs);
        if (provider == "postgres")
        {
            pg = await PostgresTestDatabase.CreateAsync();
            args.AddRange(["--database", "postgres", "--connection-string", pg.ConnectionString]);
        }

        var app = await BuildAndStartAsync([.. args], customise, mapExtra);
        return new RunningServer(app, data, pg, [.. args], mapExtra);
    }

    /// <summary>
    /// Stops this server and starts a new process-like instance on the same data directory and database (new ports),
    /// as after a restart. This object is then inert; dispose the returned one.
    /// </summary>
    public async Task<RunningServer> RestartAsync(Action<WebApplicationBuilder>? customise = null)
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _handedOver = true;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var app = await BuildAndStartAsync(_args, customise, _mapExtra);
        return new RunningServer(app, DataDirectory, _postgres, _args, _mapExtra);
    }

    private static async Task<WebApplication> BuildAndStartAsync(string[] args, Action<WebApplicationBuilder>? customise, Action<WebApplication>? mapExtra)
    {
        var app = TelereadServer.Build(args, customise, mapExtra);
        await TelereadServer.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    public HttpClient CreateClient(string? bearer = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public T Service<T>() where T : notnull => (T)App.Services.GetService(typeof(T))!;

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }

        await App.StopAsync();
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            _postgres = null;
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}
