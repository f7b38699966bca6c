namespace Teleread.Server;

/// <summary>
/// A round of work every <see cref="Interval"/> (the first after one interval) until the host stops; a failed round is
/// logged by the subclass and the next runs on schedule.
/// </summary>
public abstract class PeriodicBackgroundService(TimeProvider clock) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    protected abstract Task RunRoundAsync(CancellationToken stoppingToken);

    protected abstract void RoundFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
                try
                {
                    await RunRoundAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RoundFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
