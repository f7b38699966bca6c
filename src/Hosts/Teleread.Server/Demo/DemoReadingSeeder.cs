using Teleread.Reading.Application;
using Teleread.Reading.Domain;

namespace Teleread.Server.Demo;

/// <summary>
/// The demo's reading workflow: both clinics get a 24/7 contract (Asia/Tokyo), the three radiologists get reading
/// profiles whose ids are their identity user ids (the worklist, the archive filter and the API all use the caller's
/// user id) and shifts that cover every hour, and the sample studies become requests of varied priority — the urgent
/// one and a same-day one assigned to dr.sato, one to dr.suzuki, one left in the pool, one still waiting for images.
/// Everything is keyed (upserts, idempotency keys), so running it again changes nothing.
/// </summary>
public sealed class DemoReadingSeeder(ReadingService reading)
{
    public const string TimeZone = "Asia/Tokyo";

    private static readonly (ReadingPriority Priority, string? AssignTo, bool Complete, string Question)[] Plan =
    [
        (ReadingPriority.Urgent, "dr.sato", true, "頭痛・嘔吐、くも膜下出血の除外 (Sudden headache: rule out SAH)"),
        (ReadingPriority.SameDay, "dr.sato", true, "転倒後の疼痛、骨折の有無 (Pain after a fall: fracture?)"),
        (ReadingPriority.Routine, "dr.suzuki", true, "健診フォローアップ (Follow-up of a screening finding)"),
        (ReadingPriority.Routine, null, true, "経過観察 (Routine follow-up)"),
        (ReadingPriority.SameDay, null, false, "術前評価 (Pre-operative assessment)"),
    ];

    public async Task<bool> HasContractAsync(string clinicId, CancellationToken ct) =>
        await reading.Directory.FindClinicAsync(clinicId, ct).ConfigureAwait(false) is not null;

    public async Task SeedAsync(IReadOnlyList<string> clinicIds, IReadOnlyDictionary<string, string> radiologistUserIds, string operatorUserId,
        string clinicId, IReadOnlyList<DemoStudy> studies, CancellationToken ct)
    {
        foreach (var (id, i) in clinicIds.Select((c, i) => (c, i)))
        {
            await reading.Directory.UpsertClinicAsync(new Clinic(id, i == 0 ? "Sakura Clinic" : "Minato Orthopaedics",
                new ClinicContract($"DEMO-{i + 1:000}", new DateOnly(2026, 1, 1), SlaTerms.Standard24x7, RequiresSecondReading: false, RequiresQaCheck: false),
                [i == 0 ? "DEMO_CLINIC_A" : "DEMO_CLINIC_B"], [new ClinicContact("受付", "staff", "03-0000-0000", null)]), ct).ConfigureAwait(false);
        }

        foreach (var (login, userId) in radiologistUserIds)
        {
            await reading.Directory.UpsertRadiologistAsync(Profile(login, userId), ct).ConfigureAwait(false);
        }

        var op = new Actor(operatorUserId, ActorRole.Operator);
        foreach (var (study, i) in studies.Select((s, i) => (s, i)).Take(Plan.Length))
        {
            var (priority, assignTo, complete, question) = Plan[i];
            var modality = ModalityOf(study.Modalities);
            var details = new ReadingRequestDetails(question, modality, modality == ImagingModality.MR ? BodyRegion.Head : BodyRegion.Chest, priority,
                "山田 太郎 (Dr. Taro Yamada)", [], []);
            var outcome = await reading.ReceiveAsync(new NewReadingRequest(clinicId, study.PatientId, study.StudyInstanceUid, details), op, ct,
                $"demo-{study.StudyInstanceUid}").ConfigureAwait(false);
            if (outcome.Request is not { State: ReadingState.Received } request || !complete)
            {
                continue;
            }

            await reading.MarkCompleteAsync(request.Id, op, ct).ConfigureAwait(false);
            if (assignTo is not null && radiologistUserIds.TryGetValue(assignTo, out var reader))
            {
                await reading.ExecuteAsync(request.Id, ReadingCommand.Assign, op, "demo: assigned by the operator", reader, null, ct).ConfigureAwait(false);
            }
        }
    }

    private static ImagingModality ModalityOf(IReadOnlyList<string> codes) =>
        codes.Contains("MR") ? ImagingModality.MR
        : codes.Contains("MG") ? ImagingModality.Mammography
        : codes.Contains("US") ? ImagingModality.Ultrasound
        : codes.Any(c => c is "CR" or "DX") ? ImagingModality.XRay
        : ImagingModality.CT;

    /// <summary>dr.sato days 08–20, dr.suzuki nights 20–08, dr.tanaka weekdays 09–18 (Asia/Tokyo): every hour has someone.</summary>
    private static RadiologistProfile Profile(string login, string userId)
    {
        var days = Enum.GetValues<DayOfWeek>();
        return login switch
        {
            "dr.sato" => new RadiologistProfile(userId, "佐藤 美咲", true, 18, Set(Subspecialty.Neuro, Subspecialty.HeadNeck, Subspecialty.General),
                Set(ImagingModality.MR, ImagingModality.CT, ImagingModality.XRay), Set<string>(), Set("ja", "en"),
                new ShiftSchedule(TimeZone, days.Select(d => ShiftWindow.Of(d, "08:00", 12)).ToList()), 6, Set<string>()),
            "dr.suzuki" => new RadiologistProfile(userId, "鈴木 健", true, 12, Set(Subspecialty.Chest, Subspecialty.Abdominal, Subspecialty.General),
                Set(ImagingModality.CT, ImagingModality.XRay, ImagingModality.MR), Set<string>(), Set("ja"),
                new ShiftSchedule(TimeZone, days.Select(d => ShiftWindow.Of(d, "20:00", 12)).ToList()), 6, Set<string>()),
            _ => new RadiologistProfile(userId, "田中 由紀", true, 9, Set(Subspecialty.Breast, Subspecialty.Musculoskeletal),
                Set(ImagingModality.Mammography, ImagingModality.MR, ImagingModality.Ultrasound, ImagingModality.XRay),
                Set(Qualification.MammographyCredential), Set("ja", "en"),
                new ShiftSchedule(TimeZone, days.Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => ShiftWindow.Of(d, "09:00", 9)).ToList()),
                4, Set<string>()),
        };
    }

    private static HashSet<T> Set<T>(params T[] items) => [.. items];
}
