using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Teleread.Data;
using Teleread.Identity;
using Teleread.Server.Apis;
using Teleread.Server.Archive;
using Teleread.Server.Dimse;
using Teleread.Server.Audit;
using Teleread.Server.Auth;
using Teleread.Server.Configuration;
using Teleread.Server.DicomWeb;
using Teleread.Server.Health;
using Teleread.Server.Reading;

namespace Teleread.Server;

/// <summary>
/// The composition root: one process serving the web app, the HTTP APIs, DICOMweb, the DICOM port
/// and background work. It wires modules together and holds no rules of its own.
/// </summary>
public static class TelereadServer
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customise = null, Action<WebApplication>? mapExtra = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args, CommandLineSwitches.Map);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }

        builder.Services.AddOptions<TelereadOptions>().Bind(builder.Configuration.GetSection(TelereadOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelereadOptions.Section).Get<TelereadOptions>() ?? new TelereadOptions();
        options.DataDirectory = Path.GetFullPath(options.DataDirectory, Directory.GetCurrentDirectory());
        builder.Services.PostConfigure<TelereadOptions>(o => o.DataDirectory = options.DataDirectory);

        ConfigureLogging(builder, options);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));

        var db = DatabaseFactory.Create(options);
        builder.Services.AddSingleton(db);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IMigrationSource>(IdentityMigrations.Source);
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<IdentityStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<Demo.DemoSeeder>();
        builder.Services.AddSingleton<Demo.DemoReadingSeeder>();
        builder.Services.AddSingleton<IReadinessCheck, DatabaseReadinessCheck>();
        builder.Services.AddSingleton<IReadinessCheck>(new DirectoryReadinessCheck("data-directory", options.DataDirectory));
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")))
            .SetApplicationName("teleread");
        builder.Services.AddArchive(builder.Configuration, options.DataDirectory);
        builder.Services.AddDimse(builder.Configuration);
        builder.Services.AddSingleton<Teleread.Archive.Ingest.IInstanceStoredObserver, Reading.ReadingStudyArrivals>();
        builder.Services.AddSingleton<Teleread.Archive.IStudyAssignmentFilter, Reading.ReadingAssignmentFilter>();
        builder.Services.AddSingleton<Teleread.Archive.Retention.IStudyRetentionHold, Reading.ReadingRetentionHold>();
        builder.Services.AddSingleton<DicomWeb.IDicomWebArchive, DicomWeb.ArchiveDicomWebArchive>();
        builder.Services.AddTelereadAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Apis.BadRequestProblems>();
        // Unreadable bodies throw (BadRequestProblems answers them with what is wrong) instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            j.SerializerOptions.Converters.Add(new Reading.ShiftScheduleJsonConverter());
        });
        builder.Services.AddOpenApi();
        builder.Services.AddReading(builder.Configuration);
        builder.Services.AddDicomWeb();

        customise?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = c => Apis.BadRequestProblems.IsClientError(c.Exception) });
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath) });
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();

        app.MapHealth();
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        app.MapAuthApi();
        app.MapDirectoryApi();
        app.MapAdminApi();
        app.MapDicomNodesApi();
        app.MapStorageApi();
        app.MapCommitmentReportsApi();
        app.MapArchiveAdminApi();
        app.MapReadingApi();
        app.MapNotificationsApi();
        app.MapDicomWeb();
        mapExtra?.Invoke(app);
        return app;
    }

    /// <summary>Applies migrations; call before <c>StartAsync</c>.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<TelereadOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectory);
        var applied = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(ct).ConfigureAwait(false);
        ServerLog.MigrationsApplied(app.Logger, applied);
        // One process per SQLite file: nothing else can be committing, so every intent is settled before traffic. PostgreSQL
        // may be shared by several processes: young intents may be their commits still running (IngestIntentRecoveryService).
        var alone = app.Services.GetRequiredService<IDatabase>().Dialect == SqlDialectKind.Sqlite;
        var settled = await app.Services.GetRequiredService<Teleread.Archive.Ingest.IngestIntentRecovery>()
            .RecoverAsync(alone ? TimeSpan.Zero : Teleread.Archive.Ingest.IngestIntentRecovery.LiveCommitBound, ct).ConfigureAwait(false);
        if (settled.Kept + settled.Withdrawn + settled.Restored + settled.Undecided > 0)
        {
            ServerLog.IngestIntentsSettled(app.Logger, settled.Kept, settled.Withdrawn, settled.Restored, settled.Undecided);
        }
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, TelereadOptions options)
    {
        builder.Logging.ClearProviders();
        if (options.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys live in DATA/keys (owner-only); without a certificate the manager warns on every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
