using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>
/// The calibrated scenario behind docs/reading-simulation.md: a 24/365 service for small clinics in Japan.
/// Arrivals follow clinic hours (morning and afternoon peaks, quiet nights, light weekends); the modality and
/// priority mix and reading times are typical of 遠隔読影 for 開業医; the roster has day subspecialists, an
/// evening reader in Berlin, night and weekend generalists. Volume is set to 85% of rostered reading time.
/// </summary>
public static class StandardScenario
{
    public const string ClinicId = "sim-clinics";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    /// <summary>Offered load as a share of rostered time; calibrated so the realised utilisation is about 85%.</summary>
    public static double TargetUtilisation { get; set; } = 0.9;

    public static SimulationScenario Create(int days = 7) => new(
        "standard-24x7",
        new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(9)),
        days,
        SlaTerms.Standard24x7,
        HourlyWeights: [0.25, 0.2, 0.2, 0.2, 0.2, 0.25, 0.3, 0.5, 1.0, 1.6, 1.8, 1.7, 1.2, 1.5, 1.7, 1.6, 1.4, 1.1, 0.9, 0.7, 0.6, 0.5, 0.4, 0.3],
        DayWeights: [0.35, 1.1, 1.0, 1.0, 1.0, 1.05, 0.6],
        Modalities:
        [
            new ModalityMix(ImagingModality.CT, 0.42, [(BodyRegion.Head, 0.25), (BodyRegion.Chest, 0.35), (BodyRegion.Abdomen, 0.3), (BodyRegion.Spine, 0.05), (BodyRegion.WholeBody, 0.05)], 12, 0.5, RoutineOnly: false),
            new ModalityMix(ImagingModality.MR, 0.24, [(BodyRegion.Head, 0.45), (BodyRegion.Spine, 0.3), (BodyRegion.Extremity, 0.15), (BodyRegion.Abdomen, 0.1)], 16, 0.45, RoutineOnly: false),
            new ModalityMix(ImagingModality.XRay, 0.28, [(BodyRegion.Chest, 0.6), (BodyRegion.Extremity, 0.3), (BodyRegion.Spine, 0.1)], 4, 0.6, RoutineOnly: false),
            new ModalityMix(ImagingModality.Mammography, 0.06, [(BodyRegion.Breast, 1.0)], 6, 0.4, RoutineOnly: true),
        ],
        UrgentShare: 0.08,
        SameDayShare: 0.30,
        Roster: Roster(),
        TargetUtilisation: TargetUtilisation,
        ClinicId);

    private static List<SimulatedRadiologist> Roster() =>
    [
        R("neuro-1", [Subspecialty.Neuro, Subspecialty.HeadNeck], [ImagingModality.CT, ImagingModality.MR], Shift("Asia/Tokyo", Weekdays, "08:00", 9), 1.0),
        R("neuro-2", [Subspecialty.Neuro], [ImagingModality.CT, ImagingModality.MR], Shift("Asia/Tokyo", Weekdays, "12:00", 9), 1.1),
        R("body-1", [Subspecialty.Abdominal, Subspecialty.Chest], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "08:00", 9), 0.9),
        R("body-2", [Subspecialty.Abdominal], [ImagingModality.CT, ImagingModality.MR], Shift("Asia/Tokyo", Weekdays, "09:00", 9), 1.0),
        R("chest-1", [Subspecialty.Chest, Subspecialty.Cardiac], [ImagingModality.CT, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "08:00", 9), 1.0),
        R("msk-1", [Subspecialty.Musculoskeletal], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "09:00", 9), 1.0),
        R("breast-1", [Subspecialty.Breast, Subspecialty.General], [ImagingModality.Mammography, ImagingModality.CT, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "09:00", 9), 1.0, mammography: true),
        R("breast-2", [Subspecialty.Breast, Subspecialty.Chest], [ImagingModality.Mammography, ImagingModality.XRay],
            new ShiftSchedule("Asia/Tokyo", [ShiftWindow.Of(DayOfWeek.Saturday, "09:00", 6), ShiftWindow.Of(DayOfWeek.Tuesday, "13:00", 6), ShiftWindow.Of(DayOfWeek.Thursday, "13:00", 6)]), 1.1, mammography: true),
        R("gen-1", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "10:00", 9), 1.0),
        R("gen-3", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Asia/Tokyo", Weekdays, "08:00", 9), 1.05),
        R("gen-evening", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Asia/Tokyo", EveryDay, "17:00", 6), 1.0),
        R("gen-berlin", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay], Shift("Europe/Berlin", Weekdays, "09:00", 8), 1.0),
        R("night-1", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay],
            Shift("Asia/Tokyo", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday], "22:00", 10), 1.0),
        R("night-2", [Subspecialty.General], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay],
            Shift("Asia/Tokyo", [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday], "22:00", 10), 1.0),
        R("weekend-1", [Subspecialty.General, Subspecialty.Breast], [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay, ImagingModality.Mammography], Shift("Asia/Tokyo", Weekend, "08:00", 12), 1.0, mammography: true),
        R("weekend-2", [Subspecialty.Neuro, Subspecialty.General], [ImagingModality.CT, ImagingModality.MR], Shift("Asia/Tokyo", Weekend, "09:00", 9), 1.0),
    ];

    private static ShiftSchedule Shift(string zone, DayOfWeek[] days, string start, double hours) =>
        new(zone, days.Select(d => ShiftWindow.Of(d, start, hours)).ToList());

    private static SimulatedRadiologist R(string id, Subspecialty[] subspecialties, ImagingModality[] modalities, ShiftSchedule shifts, double speed, bool mammography = false) =>
        new(new RadiologistProfile(id, id, BoardCertified: true, YearsOfExperience: 10, new HashSet<Subspecialty>(subspecialties), new HashSet<ImagingModality>(modalities),
            mammography ? new HashSet<string> { Qualification.MammographyCredential } : new HashSet<string>(), new HashSet<string> { "ja" }, shifts,
            CapacityPerHour: 12, ExcludedClinicIds: new HashSet<string>()), speed);
}
