using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

public sealed class ReadingStateMachineTests
{
    private static readonly Actor Operator = new("op-1", ActorRole.Operator);
    private static readonly DateTimeOffset T0 = TestData.Monday0900Jst;

    private static readonly Dictionary<ReadingState, (ReadingCommand Command, string? Radiologist)[]> PathTo = new()
    {
        [ReadingState.Received] = [],
        [ReadingState.ImagesComplete] = [(ReadingCommand.CompleteImages, null)],
        [ReadingState.Queued] = [(ReadingCommand.CompleteImages, null), (ReadingCommand.Enqueue, null)],
        [ReadingState.Assigned] = [(ReadingCommand.CompleteImages, null), (ReadingCommand.Enqueue, null), (ReadingCommand.Assign, "rad-1")],
        [ReadingState.Reading] = [.. ToAssigned(), (ReadingCommand.StartReading, null)],
        [ReadingState.Preliminary] = [.. ToAssigned(), (ReadingCommand.StartReading, null), (ReadingCommand.SubmitPreliminary, null)],
        [ReadingState.SecondReading] = [.. ToPreliminary(), (ReadingCommand.SendToSecondReading, "rad-2")],
        [ReadingState.QaCheck] = [.. ToPreliminary(), (ReadingCommand.SendToQaCheck, null)],
        [ReadingState.Final] = [.. ToPreliminary(), (ReadingCommand.Finalize, null)],
        [ReadingState.Delivered] = [.. ToPreliminary(), (ReadingCommand.Finalize, null), (ReadingCommand.Deliver, null)],
        [ReadingState.Acknowledged] = [.. ToPreliminary(), (ReadingCommand.Finalize, null), (ReadingCommand.Deliver, null), (ReadingCommand.Acknowledge, null)],
        [ReadingState.Cancelled] = [(ReadingCommand.Cancel, null)],
    };

    public static TheoryData<ReadingState, ReadingCommand> AllPairs()
    {
        var data = new TheoryData<ReadingState, ReadingCommand>();
        foreach (var s in Enum.GetValues<ReadingState>())
        {
            foreach (var c in Enum.GetValues<ReadingCommand>())
            {
                data.Add(s, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_command_pair_is_either_the_tabled_transition_or_the_same_rejection(ReadingState state, ReadingCommand command)
    {
        var request = InState(state);
        var versionBefore = request.Version;
        var timelineBefore = request.Timeline.Count;

        var result = request.Apply(command, new CommandContext(Operator, T0.AddHours(1), "test", "rad-3"));

        if (ReadingTransitionTable.TryGetTarget(state, command, out var expected))
        {
            Assert.True(result.IsAccepted, result.Message);
            Assert.Equal(expected, request.State);
            Assert.Equal(timelineBefore + 1, request.Timeline.Count);
            var entry = request.Timeline[^1];
            Assert.Equal((state, command, expected, Operator, T0.AddHours(1), "test"), (entry.From, entry.Command, entry.To, entry.Actor, entry.At, entry.Reason));
            Assert.Equal(versionBefore + 1, request.Version);
        }
        else
        {
            Assert.False(result.IsAccepted);
            Assert.Equal(ReadingError.IllegalTransition, result.Error);
            Assert.Equal(TransitionResult.Illegal(state, command).Message, result.Message);
            Assert.StartsWith($"Cannot {command} a request that is {state}.", result.Message, StringComparison.Ordinal);
            Assert.Equal(state, request.State);
            Assert.Equal(timelineBefore, request.Timeline.Count);
            Assert.Equal(versionBefore, request.Version);
        }
    }

    [Fact]
    public void Every_state_is_reachable_and_only_cancelled_is_a_dead_end()
    {
        foreach (var s in Enum.GetValues<ReadingState>())
        {
            Assert.Equal(s, InState(s).State);
            Assert.Equal(s == ReadingState.Cancelled, ReadingTransitionTable.AllowedCommands(s).Count == 0);
        }
    }

    [Fact]
    public void Full_lifecycle_with_second_reading_and_qa_is_shown_as_a_timeline_of_who_when_why()
    {
        var r = TestData.Request(secondReading: true, qa: true);
        var rad1 = new Actor("rad-1", ActorRole.Radiologist);
        var rad2 = new Actor("rad-2", ActorRole.Radiologist);
        var steps = new (ReadingCommand, Actor, string?)[]
        {
            (ReadingCommand.CompleteImages, Actor.System, null), (ReadingCommand.Enqueue, Actor.System, null),
            (ReadingCommand.Assign, Actor.System, "rad-1"), (ReadingCommand.StartReading, rad1, null),
            (ReadingCommand.SubmitPreliminary, rad1, null), (ReadingCommand.SendToSecondReading, Operator, "rad-2"),
            (ReadingCommand.SendToQaCheck, rad2, null), (ReadingCommand.Finalize, Operator, null), (ReadingCommand.Deliver, Actor.System, null),
            (ReadingCommand.Acknowledge, new Actor("dr-sato", ActorRole.ClinicUser), null), (ReadingCommand.AddAddendum, rad1, null),
        };
        var at = T0;
        foreach (var (command, actor, rad) in steps)
        {
            at = at.AddMinutes(5);
            Assert.True(r.Apply(command, new CommandContext(actor, at, $"step {command}", rad)).IsAccepted);
        }

        Assert.Equal(ReadingState.Final, r.State);
        Assert.True(r.SecondReadingDone);
        Assert.True(r.QaCheckDone);
        Assert.Equal(1, r.AddendumCount);
        Assert.Equal("rad-2", r.SecondReaderId);
        Assert.Equal(Enumerable.Range(1, steps.Length), r.Timeline.Select(t => t.Sequence));
        Assert.Equal("dr-sato", r.Timeline[9].Actor.Id);
        Assert.Equal(T0.AddMinutes(50), r.Timeline[9].At);
        Assert.Equal("step Acknowledge", r.Timeline[9].Reason);
    }

    [Fact]
    public void Finalize_is_refused_while_a_required_second_reading_is_missing()
    {
        var r = Preliminary(secondReading: true);
        var result = r.Apply(ReadingCommand.Finalize, Ctx());
        Assert.Equal(ReadingError.SecondReadingRequired, result.Error);
        Assert.Equal(ReadingState.Preliminary, r.State);
        Assert.Equal(ReadingError.SecondReadingRequired, r.Apply(ReadingCommand.SendToQaCheck, Ctx()).Error);
    }

    [Fact]
    public void Finalize_is_refused_while_a_required_qa_check_is_missing()
    {
        var r = Preliminary(qa: true);
        Assert.Equal(ReadingError.QaCheckRequired, r.Apply(ReadingCommand.Finalize, Ctx()).Error);
        Assert.True(r.Apply(ReadingCommand.SendToQaCheck, Ctx()).IsAccepted);
        Assert.True(r.Apply(ReadingCommand.Finalize, Ctx()).IsAccepted);
    }

    [Fact]
    public void Returning_for_correction_requires_the_second_reading_again()
    {
        var r = Preliminary(secondReading: true);
        r.Apply(ReadingCommand.SendToSecondReading, Ctx("rad-2"));
        Assert.True(r.Apply(ReadingCommand.ReturnForCorrection, Ctx()).IsAccepted);
        r.Apply(ReadingCommand.SubmitPreliminary, Ctx());
        Assert.Equal(ReadingError.SecondReadingRequired, r.Apply(ReadingCommand.Finalize, Ctx()).Error);
    }

    [Fact]
    public void The_second_reader_must_not_be_the_first_reader()
    {
        var r = Preliminary();
        Assert.Equal(ReadingError.SecondReaderMustDiffer, r.Apply(ReadingCommand.SendToSecondReading, Ctx("rad-1")).Error);
    }

    [Fact]
    public void Assign_without_a_radiologist_is_refused()
    {
        var r = InState(ReadingState.Queued);
        Assert.Equal(ReadingError.RadiologistRequired, r.Apply(ReadingCommand.Assign, Ctx(null)).Error);
    }

    [Fact]
    public void Reassign_to_the_same_radiologist_is_refused()
    {
        var r = InState(ReadingState.Assigned);
        Assert.Equal(ReadingError.SameRadiologist, r.Apply(ReadingCommand.Reassign, Ctx("rad-1")).Error);
    }

    [Fact]
    public void Only_the_assignee_may_start_reading()
    {
        var r = InState(ReadingState.Assigned);
        var other = new CommandContext(new Actor("rad-9", ActorRole.Radiologist), T0, "mine now");
        Assert.Equal(ReadingError.NotTheAssignee, r.Apply(ReadingCommand.StartReading, other).Error);
        Assert.True(r.Apply(ReadingCommand.StartReading, new CommandContext(new Actor("rad-1", ActorRole.Radiologist), T0, "go")).IsAccepted);
    }

    [Fact]
    public void A_radiologist_claims_only_for_themself_and_not_over_a_live_lock()
    {
        var r = InState(ReadingState.Queued);
        var rad5 = new Actor("rad-5", ActorRole.Radiologist);
        Assert.Equal(ReadingError.NotTheAssignee, r.Apply(ReadingCommand.Claim, new CommandContext(rad5, T0, "x", "rad-6")).Error);

        r.TryLock("rad-6", T0, TimeSpan.FromMinutes(10));
        Assert.Equal(ReadingError.LockedByAnother, r.Apply(ReadingCommand.Claim, new CommandContext(rad5, T0.AddMinutes(5), "x", "rad-5")).Error);
        Assert.True(r.Apply(ReadingCommand.Claim, new CommandContext(rad5, T0.AddMinutes(11), "lock lapsed", "rad-5")).IsAccepted);
        Assert.Equal("rad-5", r.AssignedRadiologistId);
    }

    [Fact]
    public void A_reading_lock_excludes_others_until_it_expires()
    {
        var r = InState(ReadingState.Reading);
        Assert.True(r.TryLock("rad-1", T0, TimeSpan.FromMinutes(15)).Acquired);
        var denied = r.TryLock("rad-2", T0.AddMinutes(14), TimeSpan.FromMinutes(15));
        Assert.False(denied.Acquired);
        Assert.Equal("rad-1", denied.Holder);
        Assert.True(r.TryLock("rad-2", T0.AddMinutes(15), TimeSpan.FromMinutes(15)).Acquired);
    }

    [Fact]
    public void Late_images_reopen_a_queued_request_visibly_but_leave_a_read_with_its_reader()
    {
        var queued = InState(ReadingState.Queued);
        Assert.True(queued.Apply(ReadingCommand.LateImages, Ctx()).IsAccepted);
        Assert.Equal(ReadingState.Received, queued.State);
        Assert.Equal((ReadingState.Queued, ReadingState.Received), (queued.Timeline[^1].From, queued.Timeline[^1].To));

        var reading = InState(ReadingState.Reading);
        Assert.True(reading.Apply(ReadingCommand.LateImages, Ctx()).IsAccepted);
        Assert.Equal(ReadingState.Reading, reading.State);
        Assert.Equal("rad-1", reading.AssignedRadiologistId);

        var final = InState(ReadingState.Final);
        Assert.Equal(ReadingError.IllegalTransition, final.Apply(ReadingCommand.LateImages, Ctx()).Error);
    }

    [Fact]
    public void Release_returns_the_case_to_the_pool_without_an_assignee()
    {
        var r = InState(ReadingState.Reading);
        r.TryLock("rad-1", T0, TimeSpan.FromMinutes(5));
        Assert.True(r.Apply(ReadingCommand.Release, Ctx()).IsAccepted);
        Assert.Equal(ReadingState.Queued, r.State);
        Assert.Null(r.AssignedRadiologistId);
        Assert.Null(r.LockHolder);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_state_version_and_timeline()
    {
        var r = InState(ReadingState.SecondReading);
        var copy = ReadingRequest.Restore(r.ToSnapshot());
        Assert.Equal(r.ToSnapshot() with { Timeline = [] }, copy.ToSnapshot() with { Timeline = [] });
        Assert.Equal(r.Timeline, copy.Timeline);
    }

    [Fact]
    public void A_late_series_under_reading_adds_one_timeline_entry_not_one_per_image()
    {
        var reading = InState(ReadingState.Reading);
        var entries = reading.Timeline.Count;
        var at = T0.AddHours(2);

        for (var i = 0; i < 300; i++)
        {
            Assert.True(reading.RecordLateImages(new CommandContext(Actor.System, at.AddMilliseconds(10 * i), "1 image(s) arrived"), TimeSpan.FromMinutes(5)).IsAccepted);
        }

        Assert.Equal(entries + 1, reading.Timeline.Count);
        Assert.Equal(ReadingCommand.LateImages, reading.Timeline[^1].Command);
        Assert.Equal(at, reading.Timeline[^1].At);
        Assert.Equal(at.AddMilliseconds(2990), reading.LastImageAt);
        Assert.Equal(ReadingState.Reading, reading.State);
    }

    [Fact]
    public void Late_images_after_the_burst_window_or_after_another_step_are_recorded_again()
    {
        var burst = TimeSpan.FromMinutes(5);
        var preliminary = Preliminary();
        var at = T0.AddHours(2);
        Assert.True(preliminary.RecordLateImages(new CommandContext(Actor.System, at, "late"), burst).IsAccepted);
        Assert.Equal((ReadingState.Preliminary, ReadingState.Reading), (preliminary.Timeline[^1].From, preliminary.Timeline[^1].To));
        var entries = preliminary.Timeline.Count;

        preliminary.RecordLateImages(new CommandContext(Actor.System, at.AddMinutes(1), "late"), burst);
        Assert.Equal(entries, preliminary.Timeline.Count);

        preliminary.RecordLateImages(new CommandContext(Actor.System, at.AddMinutes(6), "late"), burst);
        Assert.Equal(entries + 1, preliminary.Timeline.Count);

        Assert.True(preliminary.Apply(ReadingCommand.SubmitPreliminary, new CommandContext(new Actor("rad-1", ActorRole.Radiologist), at.AddMinutes(7), "draft", "rad-1")).IsAccepted);
        preliminary.RecordLateImages(new CommandContext(Actor.System, at.AddMinutes(8), "late"), burst);
        Assert.Equal(entries + 3, preliminary.Timeline.Count);
        Assert.Equal(ReadingCommand.LateImages, preliminary.Timeline[^1].Command);
    }

    private static CommandContext Ctx(string? radiologist = "rad-3") => new(Operator, T0.AddHours(1), "test", radiologist);

    private static ReadingRequest Preliminary(bool secondReading = false, bool qa = false)
    {
        var r = TestData.Request(secondReading: secondReading, qa: qa);
        Drive(r, PathTo[ReadingState.Preliminary]);
        return r;
    }

    private static ReadingRequest InState(ReadingState state)
    {
        var r = TestData.Request();
        Drive(r, PathTo[state]);
        return r;
    }

    private static void Drive(ReadingRequest r, IEnumerable<(ReadingCommand Command, string? Radiologist)> path)
    {
        foreach (var (command, rad) in path)
        {
            var result = r.Apply(command, new CommandContext(Operator, T0, "setup", rad));
            Assert.True(result.IsAccepted, result.Message);
        }
    }

    private static (ReadingCommand, string?)[] ToAssigned() =>
        [(ReadingCommand.CompleteImages, null), (ReadingCommand.Enqueue, null), (ReadingCommand.Assign, "rad-1")];

    private static (ReadingCommand, string?)[] ToPreliminary() =>
        [.. ToAssigned(), (ReadingCommand.StartReading, null), (ReadingCommand.SubmitPreliminary, null)];
}
