using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

public sealed class EscalationPolicyTests
{
    private static readonly Actor Op = new("op", ActorRole.Operator);
    private readonly EscalationPolicy _policy = EscalationPolicy.Default;

    [Fact]
    public void An_urgent_request_is_alerted_after_30_minutes_and_reassigned_after_40()
    {
        var r = TestData.Request(priority: ReadingPriority.Urgent);
        var timers = _policy.Schedule(r);
        Assert.Equal([(EscalationStep.Alert, r.ReceivedAt.AddMinutes(30)), (EscalationStep.Reassign, r.ReceivedAt.AddMinutes(40))],
            timers.Select(t => (t.Step, t.DueAt)));
    }

    [Fact]
    public void An_assigned_but_unstarted_case_is_taken_back()
    {
        var r = TestData.Request(priority: ReadingPriority.Urgent);
        Drive(r, ReadingCommand.CompleteImages, ReadingCommand.Enqueue);
        r.Apply(ReadingCommand.Assign, new CommandContext(Op, r.ReceivedAt, "engine", "rad-1"));
        Assert.Equal(EscalationAction.AlertAndReassign, _policy.Decide(EscalationStep.Reassign, r, r.ReceivedAt.AddMinutes(40)).Action);
    }

    [Fact]
    public void An_active_reader_is_only_alerted_but_a_lapsed_lock_is_reassigned()
    {
        var r = TestData.Request(priority: ReadingPriority.Urgent);
        Drive(r, ReadingCommand.CompleteImages, ReadingCommand.Enqueue);
        r.Apply(ReadingCommand.Assign, new CommandContext(Op, r.ReceivedAt, "engine", "rad-1"));
        r.Apply(ReadingCommand.StartReading, new CommandContext(Op, r.ReceivedAt, "go"));
        r.TryLock("rad-1", r.ReceivedAt.AddMinutes(30), TimeSpan.FromMinutes(15));
        Assert.Equal(EscalationAction.Alert, _policy.Decide(EscalationStep.Reassign, r, r.ReceivedAt.AddMinutes(40)).Action);
        Assert.Equal(EscalationAction.AlertAndReassign, _policy.Decide(EscalationStep.Reassign, r, r.ReceivedAt.AddMinutes(46)).Action);
    }

    [Fact]
    public void A_reported_request_needs_no_escalation()
    {
        var r = TestData.Request();
        Drive(r, ReadingCommand.Cancel);
        Assert.Equal(EscalationAction.None, _policy.Decide(EscalationStep.Alert, r, r.Deadline).Action);
    }

    [Fact]
    public void Completeness_waits_for_the_study_to_be_stable()
    {
        var policy = new StudyCompletenessPolicy(TimeSpan.FromMinutes(2));
        var r = TestData.Request();
        r.RecordImageArrival(r.ReceivedAt.AddMinutes(1));
        Assert.False(policy.IsStable(r, r.ReceivedAt.AddMinutes(2)));
        Assert.True(policy.IsStable(r, r.ReceivedAt.AddMinutes(3)));
    }

    private static void Drive(ReadingRequest r, params ReadingCommand[] commands)
    {
        foreach (var c in commands)
        {
            Assert.True(r.Apply(c, new CommandContext(Op, r.ReceivedAt, "setup")).IsAccepted);
        }
    }
}
