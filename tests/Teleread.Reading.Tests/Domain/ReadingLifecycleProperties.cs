using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

/// <summary>
/// Random command sequences, by random actors, never break the lifecycle's invariants. Four steps in five pick a
/// command the current state allows (so runs reach second reading, QA and addenda), the fifth any command.
/// </summary>
public sealed class ReadingLifecycleProperties
{
    private static readonly string[] Radiologists = ["rad-1", "rad-2", "rad-3"];
    private static readonly ReadingCommand[] Commands = Enum.GetValues<ReadingCommand>();

    [Property(MaxTest = 300)]
    public Property Random_command_sequences_keep_the_lifecycle_invariants() => Prop.ForAll(
        Gen.Choose(0, 99).SelectMany(pick => Gen.Choose(0, Radiologists.Length).SelectMany(r => Gen.Choose(0, 3)
            .Select(a => (Pick: pick, Radiologist: r == Radiologists.Length ? null : Radiologists[r], ActorKind: a))))
            .ArrayOf().SelectMany(steps => Gen.Elements(false, true).SelectMany(second => Gen.Elements(false, true)
                .Select(qa => (Steps: steps, Second: second, Qa: qa)))).ToArbitrary(),
        run => { Check(run.Steps, run.Second, run.Qa); });

    [Fact]
    public void Runs_shaped_like_the_generated_ones_reach_every_state()
    {
        var random = new Random(7);
        var reached = new HashSet<ReadingState>();
        for (var run = 0; run < 300; run++)
        {
            var steps = Enumerable.Range(0, 40).Select(_ => (random.Next(100), (string?)Radiologists[random.Next(3)], random.Next(4))).ToArray();
            reached.UnionWith(Check(steps, run % 2 == 0, run % 3 == 0));
        }

        Assert.Equal(Enum.GetValues<ReadingState>().Order(), reached.Order());
    }

    private static HashSet<ReadingState> Check((int Pick, string? Radiologist, int ActorKind)[] steps, bool secondReading, bool qa)
    {
        var r = TestData.Request(secondReading: secondReading, qa: qa);
        var at = TestData.Monday0900Jst;
        var reached = new HashSet<ReadingState> { r.State };
        foreach (var (pick, radiologist, actorKind) in steps)
        {
            at = at.AddMinutes(1);
            // Cancel ends a run, so the "allowed" picks leave it out; it still comes up among the any-command picks.
            var allowed = ReadingTransitionTable.AllowedCommands(r.State).Where(c => c != ReadingCommand.Cancel).ToList();
            var command = pick % 5 != 0 && allowed.Count > 0 ? allowed[pick % allowed.Count] : Commands[pick % Commands.Length];
            var actor = actorKind switch
            {
                0 => Actor.System,
                1 => new Actor("op", ActorRole.Operator),
                2 => new Actor(r.AssignedRadiologistId ?? "rad-1", ActorRole.Radiologist),
                _ => new Actor("rad-3", ActorRole.Radiologist),
            };
            var before = (r.State, r.Version, r.Timeline.Count, r.SecondReadingDone, r.QaCheckDone);
            var tabled = ReadingTransitionTable.TryGetTarget(r.State, command, out var target);

            var result = r.Apply(command, new CommandContext(actor, at, "property", radiologist));

            if (!result.IsAccepted)
            {
                Assert.Equal(before, (r.State, r.Version, r.Timeline.Count, r.SecondReadingDone, r.QaCheckDone));
                Assert.Equal(tabled, result.Error != ReadingError.IllegalTransition);
                continue;
            }

            Assert.True(tabled);
            Assert.Equal(target, r.State);
            Assert.Equal(before.Version + 1, r.Version);
            var entry = r.Timeline[^1];
            Assert.Equal((before.State, command, target, actor, at, r.Timeline.Count), (entry.From, entry.Command, entry.To, entry.Actor, entry.At, entry.Sequence));
            if (command == ReadingCommand.Finalize)
            {
                Assert.True(!secondReading || r.SecondReadingDone, "finalized without the required second reading");
                Assert.True(!qa || r.QaCheckDone, "finalized without the required QA check");
            }

            if (command == ReadingCommand.SendToSecondReading)
            {
                Assert.NotEqual(r.AssignedRadiologistId, r.SecondReaderId);
            }

            reached.Add(r.State);
        }


        for (var i = 1; i < r.Timeline.Count; i++)
        {
            Assert.Equal(r.Timeline[i - 1].To, r.Timeline[i].From);
        }

        return reached;
    }
}
