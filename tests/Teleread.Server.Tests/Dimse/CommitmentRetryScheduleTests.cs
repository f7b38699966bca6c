using Teleread.Server.Dimse;

namespace Teleread.Server.Tests.Dimse;

public sealed class CommitmentRetryScheduleTests
{
    [Fact]
    public void Delays_double_from_ten_seconds_and_stop_growing_at_ten_minutes()
    {
        var options = new StorageCommitmentOptions();

        var delays = Enumerable.Range(1, 9).Select(n => CommitmentRetrySchedule.DelayAfter(n, options).TotalSeconds).ToList();

        Assert.Equal([10, 20, 40, 80, 160, 320, 600, 600, 600], delays);
        Assert.Equal(TimeSpan.FromMinutes(10), CommitmentRetrySchedule.DelayAfter(int.MaxValue, options));
    }

    [Fact]
    public void A_report_is_past_the_age_limit_from_exactly_seven_days_after_the_request()
    {
        var options = new StorageCommitmentOptions();
        var created = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.False(CommitmentRetrySchedule.IsPastAgeLimit(created, created.AddDays(7).AddTicks(-1), options));
        Assert.True(CommitmentRetrySchedule.IsPastAgeLimit(created, created.AddDays(7), options));
    }
}
