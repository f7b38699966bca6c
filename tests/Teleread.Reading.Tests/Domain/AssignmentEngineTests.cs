using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

public sealed class AssignmentEngineTests
{
    private static readonly DateTimeOffset Now = TestData.Monday0900Jst;
    private readonly AssignmentEngine _engine = new(new AssignmentOptions());

    [Fact]
    public void Earliest_deadline_goes_first_when_only_one_radiologist_is_free()
    {
        var routine = Case(ReadingPriority.Routine, Now.AddHours(20), receivedAt: Now.AddHours(-3));
        var urgent = Case(ReadingPriority.Urgent, Now.AddMinutes(50));
        var plan = _engine.Plan([Free(TestData.Radiologist("r1"))], [routine, urgent], Now);

        Assert.Equal(urgent.RequestId, Assert.Single(plan.Assignments).RequestId);
        Assert.Equal(routine.RequestId, Assert.Single(plan.Unassigned).RequestId);
    }

    [Fact]
    public void Only_qualified_radiologists_get_a_case()
    {
        var mammo = Case(modality: ImagingModality.Mammography, region: BodyRegion.Breast);
        var noCredential = TestData.Radiologist("a", modalities: [ImagingModality.Mammography], subspecialties: [Subspecialty.Breast]);
        var credentialed = TestData.Radiologist("b", modalities: [ImagingModality.Mammography], subspecialties: [Subspecialty.Breast],
            credentials: [Qualification.MammographyCredential]);

        Assert.Equal("b", Assert.Single(_engine.Plan([Free(noCredential), Free(credentialed)], [mammo], Now).Assignments).RadiologistId);
        Assert.Equal("no radiologist on the roster is qualified", Assert.Single(_engine.Plan([Free(noCredential)], [mammo], Now).Unassigned).Reason);
    }

    [Fact]
    public void Body_region_needs_a_covering_subspecialty_unless_the_radiologist_is_general()
    {
        var head = Case(region: BodyRegion.Head);
        var msk = TestData.Radiologist("msk", subspecialties: [Subspecialty.Musculoskeletal]);
        var neuro = TestData.Radiologist("neuro", subspecialties: [Subspecialty.Neuro]);
        Assert.Equal("neuro", Assert.Single(_engine.Plan([Free(msk), Free(neuro)], [head], Now).Assignments).RadiologistId);
    }

    [Fact]
    public void A_requested_subspecialty_must_be_held_by_a_board_certified_radiologist()
    {
        var c = Case(region: BodyRegion.Head) with { RequiredSubspecialty = Subspecialty.Neuro };
        var general = TestData.Radiologist("gen");
        var uncertified = TestData.Radiologist("nb", subspecialties: [Subspecialty.Neuro], board: false);
        var certified = TestData.Radiologist("nc", subspecialties: [Subspecialty.Neuro]);
        Assert.Equal("nc", Assert.Single(_engine.Plan([Free(general), Free(uncertified), Free(certified)], [c], Now).Assignments).RadiologistId);
    }

    [Fact]
    public void A_report_in_another_language_goes_to_a_radiologist_who_writes_it()
    {
        var c = Case() with { ReportLanguage = "en" };
        var japaneseOnly = TestData.Radiologist("ja");
        var bilingual = TestData.Radiologist("en") with { Languages = new HashSet<string> { "ja", "en" } };
        Assert.Equal("en", Assert.Single(_engine.Plan([Free(japaneseOnly), Free(bilingual)], [c], Now).Assignments).RadiologistId);
        Assert.Single(_engine.Plan([Free(japaneseOnly)], [c], Now).Unassigned);
    }

    [Fact]
    public void A_radiologist_never_reads_for_a_clinic_they_are_excluded_from()
    {
        var c = Case();
        var excluded = TestData.Radiologist("x", excluded: ["clinic-a"]);
        Assert.Single(_engine.Plan([Free(excluded)], [c], Now).Unassigned);
    }

    [Fact]
    public void Radiologists_off_shift_are_not_given_work()
    {
        var evening = TestData.Radiologist("eve", TestData.Weekdays("Asia/Tokyo", "17:00", 8));
        var plan = _engine.Plan([Free(evening)], [Case()], Now);
        Assert.Equal("no qualified radiologist is on shift", Assert.Single(plan.Unassigned).Reason);
    }

    [Fact]
    public void A_routine_case_that_would_run_past_the_shift_end_waits_but_an_urgent_one_does_not()
    {
        var ending = TestData.Radiologist("end", TestData.Weekdays("Asia/Tokyo", "00:00", 9.1));
        var routine = Case(minutes: 15);
        var urgent = Case(ReadingPriority.Urgent, Now.AddMinutes(60), minutes: 15);
        Assert.Single(_engine.Plan([Free(ending)], [routine], Now).Unassigned);
        Assert.Single(_engine.Plan([Free(ending)], [urgent], Now).Assignments);
    }

    [Fact]
    public void Capacity_per_hour_and_open_cases_are_respected()
    {
        var full = new AssignmentCandidate(TestData.Radiologist("f", capacity: 4), 0, 4, 0, Now);
        var busy = new AssignmentCandidate(TestData.Radiologist("b"), 1, 0, 0, Now.AddMinutes(10));
        var freeButUnqualified = Free(TestData.Radiologist("mg", modalities: [ImagingModality.Mammography]));
        Assert.Equal("every qualified radiologist on shift is at capacity", Assert.Single(_engine.Plan([full, busy, freeButUnqualified], [Case()], Now).Unassigned).Reason);
        Assert.Equal("every radiologist is at capacity", Assert.Single(_engine.Plan([full, busy], [Case()], Now).Unassigned).Reason);
    }

    [Fact]
    public void Work_spreads_to_the_radiologist_with_the_least_work_today()
    {
        var a = new AssignmentCandidate(TestData.Radiologist("a"), 0, 0, 120, Now);
        var b = new AssignmentCandidate(TestData.Radiologist("b"), 0, 0, 30, Now);
        var c = new AssignmentCandidate(TestData.Radiologist("c"), 0, 0, 60, Now);
        var plan = _engine.Plan([a, b, c], [Case(deadline: Now.AddHours(1)), Case(deadline: Now.AddHours(2))], Now);
        Assert.Equal(["b", "c"], plan.Assignments.Select(x => x.RadiologistId));
    }

    [Fact]
    public void With_a_worklist_of_several_cases_the_one_free_soonest_gets_the_next_case()
    {
        var engine = new AssignmentEngine(new AssignmentOptions { MaxOpenCasesPerRadiologist = 3 });
        var a = new AssignmentCandidate(TestData.Radiologist("a"), 1, 0, 0, Now.AddMinutes(30));
        var b = new AssignmentCandidate(TestData.Radiologist("b"), 1, 0, 0, Now.AddMinutes(5));
        var plan = engine.Plan([a, b], [Case(minutes: 10), Case(minutes: 10), Case(minutes: 10)], Now);
        Assert.Equal(["b", "b", "a"], plan.Assignments.Select(x => x.RadiologistId));
        Assert.Equal(Now.AddMinutes(25), plan.Assignments[1].ExpectedFinish);
    }

    [Fact]
    public void The_plan_is_a_pure_function_of_its_inputs()
    {
        var roster = new[] { Free(TestData.Radiologist("a")), Free(TestData.Radiologist("b")) };
        var cases = Enumerable.Range(0, 5).Select(i => Case(deadline: Now.AddHours(i + 1))).ToArray();
        Assert.Equal(_engine.Plan(roster, cases, Now).Assignments, _engine.Plan(roster, cases.Reverse().ToArray(), Now).Assignments);
    }

    private static AssignmentCandidate Free(RadiologistProfile p) => new(p, 0, 0, 0, Now);

    private static AssignableCase Case(ReadingPriority priority = ReadingPriority.Routine, DateTimeOffset? deadline = null, ImagingModality modality = ImagingModality.CT,
        BodyRegion region = BodyRegion.Chest, double minutes = 10, DateTimeOffset? receivedAt = null) =>
        new(Guid.NewGuid(), "clinic-a", modality, region, null, priority, receivedAt ?? Now, deadline ?? Now.AddHours(24), minutes);
}
