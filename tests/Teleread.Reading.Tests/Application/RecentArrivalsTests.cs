using Teleread.Reading.Application;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Application;

public sealed class RecentArrivalsTests
{
    private static readonly DateTimeOffset Now = TestData.Monday0900Jst;
    private static readonly TimeSpan Window = ReadingService.ArrivalClockResolution;

    private static IReadOnlyList<ReadingRequestSnapshot> Requests(string study) =>
        [TestData.Request().ToSnapshot() with { StudyReference = study, Timeline = [] }];

    [Fact]
    public void A_study_is_recalled_until_its_time_and_not_after()
    {
        var memo = new RecentArrivals();
        memo.Remember("clinic-a", "1.2.3", memo.Generation("clinic-a", "1.2.3"), Now, Now + Window, Requests("1.2.3"));

        Assert.True(memo.TryRecall("clinic-a", "1.2.3", Now + Window - TimeSpan.FromTicks(1), out var recalled));
        Assert.Equal("1.2.3", Assert.Single(recalled).StudyReference);
        Assert.False(memo.TryRecall("clinic-a", "1.2.3", Now + Window, out _));
        Assert.False(memo.TryRecall("clinic-b", "1.2.3", Now, out _));
    }

    [Fact]
    public void A_write_of_the_study_ending_after_the_read_began_keeps_that_read_from_being_remembered()
    {
        var memo = new RecentArrivals();
        var before = memo.Generation("clinic-a", "1.2.3");
        memo.Forget("clinic-a", "1.2.3");
        memo.Remember("clinic-a", "1.2.3", before, Now, Now + Window, Requests("1.2.3"));
        Assert.False(memo.TryRecall("clinic-a", "1.2.3", Now, out _));

        memo.Remember("clinic-a", "1.2.3", memo.Generation("clinic-a", "1.2.3"), Now, Now + Window, Requests("1.2.3"));
        Assert.True(memo.TryRecall("clinic-a", "1.2.3", Now, out _));
        memo.Forget("clinic-a", "1.2.3");
        Assert.False(memo.TryRecall("clinic-a", "1.2.3", Now, out _));
    }

    [Fact]
    public void An_older_answer_does_not_replace_a_fresher_one()
    {
        var memo = new RecentArrivals();
        var g = memo.Generation("clinic-a", "1.2.3");
        memo.Remember("clinic-a", "1.2.3", g, Now, Now + Window, Requests("1.2.3"));
        memo.Remember("clinic-a", "1.2.3", g, Now, Now + TimeSpan.FromSeconds(1), Requests("1.2.3"));

        Assert.True(memo.TryRecall("clinic-a", "1.2.3", Now + TimeSpan.FromSeconds(1.5), out _));
    }

    [Fact]
    public void The_memo_holds_at_most_its_capacity_and_makes_room_by_dropping_expired_studies()
    {
        var memo = new RecentArrivals(capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            var study = $"1.2.{i}";
            memo.Remember("clinic-a", study, memo.Generation("clinic-a", study), Now, Now + Window, Requests(study));
        }

        Assert.Equal(100, memo.Count);
        Assert.False(memo.TryRecall("clinic-a", "1.2.999", Now, out _));

        var later = Now + Window;
        memo.Remember("clinic-a", "9.9.9", memo.Generation("clinic-a", "9.9.9"), later, later + Window, Requests("9.9.9"));

        Assert.Equal(1, memo.Count);
        Assert.True(memo.TryRecall("clinic-a", "9.9.9", later, out _));
    }

    [Fact]
    public void Concurrent_remembering_and_forgetting_of_many_studies_stays_within_capacity()
    {
        var memo = new RecentArrivals(capacity: 64);
        Parallel.For(0, 20_000, i =>
        {
            var study = $"1.2.{i % 500}";
            var at = Now + TimeSpan.FromMilliseconds(i);
            if (i % 7 == 0)
            {
                memo.Forget("clinic-a", study);
            }
            else
            {
                memo.Remember("clinic-a", study, memo.Generation("clinic-a", study), at, at + Window, Requests(study));
            }
        });

        Assert.InRange(memo.Count, 0, 64);
    }
}
