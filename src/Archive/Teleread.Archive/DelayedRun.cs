namespace Teleread.Archive;

/// <summary>
/// Runs a batch a moment after it is first requested (so that requests gather), one run at a time: a request made while a
/// run is under way is served by the next. After a run that throws, the next waits <c>afterFailure</c> longer; what it
/// did not finish stays pending, and another run follows whenever <c>pending</c> says work is left.
/// </summary>
internal sealed class DelayedRun(Func<TimeSpan> delay, Func<TimeSpan> afterFailure, Func<Task> run, Func<bool> pending)
{
    private int _scheduled;

    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = RunLaterAsync();
        }
    }

    private async Task RunLaterAsync()
    {
        try
        {
            await Task.Delay(delay()).ConfigureAwait(false);
            Volatile.Write(ref _scheduled, 0);
            await run().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The run's owner keeps what failed pending (and a restart settles it); the next round retries.
            await Task.Delay(afterFailure()).ConfigureAwait(false);
        }
        finally
        {
            if (pending())
            {
                Request();
            }
        }
    }
}
