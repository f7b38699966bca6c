using Teleread.Data;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Server.Reading;

/// <summary>Registers the reading workflow: its tables, use cases, the background round and its JSON needs.</summary>
public static class ReadingSetup
{
    public const string Section = "Teleread:Reading";

    public static IServiceCollection AddReading(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ReadingOptions>() ?? new ReadingOptions();
        if (options.LockTtl <= TimeSpan.Zero || options.WorkerInterval <= TimeSpan.Zero || options.EscalationLease <= TimeSpan.Zero || options.StudyStableFor < TimeSpan.Zero || options.LapsedLockGrace < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: LockTtl, WorkerInterval and EscalationLease must be positive, StudyStableFor and LapsedLockGrace not negative.");
        }

        services.AddSingleton<IMigrationSource>(ReadingMigrations.Source);
        services.AddSingleton(options);
        services.AddSingleton(new AssignmentEngine(new AssignmentOptions()));
        services.AddSingleton(EscalationPolicy.Default);
        services.AddSingleton<ReadingService>();
        services.AddSingleton(sp => new EscalationProcessor(sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<ReadingService>(),
            $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"));
        services.AddSingleton<ReadingWorker>();
        services.AddSingleton<SlaAlertStore>();
        services.AddSingleton<NotificationStore>();
        var webhook = configuration.GetSection(NotificationWebhookOptions.Section).Get<NotificationWebhookOptions>() ?? new NotificationWebhookOptions();
        if (webhook.Url is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || webhook.Interval <= TimeSpan.Zero || webhook.Timeout <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{NotificationWebhookOptions.Section}: Url must be an absolute http(s) URL and Interval and Timeout positive.");
        }

        services.AddSingleton(webhook);
        // No client logging: the default handlers would write the webhook URL (which may carry a token) to the log.
        services.AddHttpClient(nameof(NotificationWebhookSender)).RemoveAllLoggers();
        services.AddSingleton<NotificationWebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWebhookSender>());
        services.AddHostedService<ReadingBackgroundService>();
        services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new ReadOnlySetJsonConverter()));
        return services;
    }
}
