using System.Security.Cryptography;
using System.Text.Json;
using Teleread.Identity;
using Teleread.Server.Configuration;

namespace Teleread.Server.Demo;

/// <summary>
/// Creates the demo on first start: two clinics (devices DEMO_CLINIC_A / DEMO_CLINIC_B), three
/// radiologists with public profiles, an operator, one API token per clinic and real sample studies, which
/// <see cref="DemoReadingSeeder"/> turns into a living reading workflow (contracts, shifts, requests).
/// Passwords are random per data directory; they are written to DATA/demo-credentials.json. Two processes starting the demo
/// on one data directory at once take turns (a lock file beside the credentials): the second finds the first's demo instead of
/// failing on its unique logins and AE titles.
/// </summary>
public sealed class DemoSeeder(IdentityStore identity, IEnumerable<IDemoStudyImporter> importers, DemoReadingSeeder reading, ILogger<DemoSeeder> logger)
{
    public const string FileName = "demo-credentials.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static DemoDicomEndpoint DicomEndpointOf(TelereadOptions options) => new(options.Dicom.BindAddress, options.Dicom.Port, options.Dicom.AeTitle);

    public async Task<DemoCredentials> EnsureAsync(TelereadOptions options, string url, CancellationToken ct)
    {
        var path = Path.Combine(options.DataDirectory, FileName);
        await using var turn = await SeedingTurnAsync(options.DataDirectory, ct).ConfigureAwait(false);
        if (await identity.AnyClinicAsync(ct).ConfigureAwait(false) && File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), Json)!;
            await CatchUpReadingAsync(existing, options, ct).ConfigureAwait(false);
            // Started again, perhaps on other ports (--urls, --dicom-port): the banner says where it listens now.
            return existing with { Url = url, Dicom = DicomEndpointOf(options) };
        }

        var clinicA = await identity.CreateClinicAsync("さくら内科クリニック (Sakura Clinic)", ["DEMO_CLINIC_A"], ct).ConfigureAwait(false);
        var clinicB = await identity.CreateClinicAsync("みなと整形外科 (Minato Orthopaedics)", ["DEMO_CLINIC_B"], ct).ConfigureAwait(false);

        var users = new List<DemoUser>();
        async Task<User> AddUser(string login, string name, Role role, Clinic? clinic)
        {
            var password = NewPassword();
            var user = await identity.CreateUserAsync(login, name, role, clinic?.Id, password, ct).ConfigureAwait(false);
            users.Add(new DemoUser(login, password, role.ToString(), clinic?.Name, name));
            return user;
        }

        var staffA = await AddUser("clinic-a", "受付 花子 (Sakura Clinic staff)", Role.ClinicUser, clinicA).ConfigureAwait(false);
        var staffB = await AddUser("clinic-b", "整形 次郎 (Minato Orthopaedics staff)", Role.ClinicUser, clinicB).ConfigureAwait(false);
        var op = await AddUser("operator", "運用 管理者 (Operator)", Role.Operator, null).ConfigureAwait(false);
        var radiologistIds = new Dictionary<string, string>();
        foreach (var r in Radiologists)
        {
            var user = await AddUser(r.Login, r.Name, Role.Radiologist, null).ConfigureAwait(false);
            radiologistIds[r.Login] = user.Id;
            await identity.SaveRadiologistProfileAsync(r.Profile with { UserId = user.Id, DisplayName = r.Name }, ct).ConfigureAwait(false);
        }

        var clinics = new List<DemoClinic>
        {
            new(clinicA.Id, clinicA.Name, clinicA.AeTitles, await identity.IssueTokenAsync(staffA.Id, clinicA.Id, "demo", ct).ConfigureAwait(false)),
            new(clinicB.Id, clinicB.Name, clinicB.AeTitles, await identity.IssueTokenAsync(staffB.Id, clinicB.Id, "demo", ct).ConfigureAwait(false)),
        };

        var studies = DemoStudyFiles.Find(options);
        var imported = new List<DemoStudy>();
        foreach (var importer in importers)
        {
            imported.AddRange(await importer.ImportAsync(clinicA.Id, studies, ct).ConfigureAwait(false));
        }

        await reading.SeedAsync([clinicA.Id, clinicB.Id], radiologistIds, op.Id, clinicA.Id, imported, ct).ConfigureAwait(false);

        var credentials = new DemoCredentials(url, DicomEndpointOf(options), users, clinics);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(credentials, Json), ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        ServerLog.DemoSeeded(logger, clinics.Count, users.Count);
        return credentials;
    }

    /// <summary>A demo data directory made before the reading workflow was seeded gets it now (once: the clinics then have contracts).</summary>
    private async Task CatchUpReadingAsync(DemoCredentials demo, TelereadOptions options, CancellationToken ct)
    {
        if (demo.Clinics.Count == 0 || await reading.HasContractAsync(demo.Clinics[0].Id, ct).ConfigureAwait(false))
        {
            return;
        }

        var ids = new Dictionary<string, string>();
        string? operatorId = null;
        foreach (var u in demo.Users.Where(u => u.Role is nameof(Role.Radiologist) or nameof(Role.Operator)))
        {
            if (await identity.VerifyPasswordAsync(u.Login, u.Password, ct).ConfigureAwait(false) is { } caller)
            {
                if (caller.Role == Role.Operator)
                {
                    operatorId = caller.UserId;
                }
                else
                {
                    ids[u.Login] = caller.UserId;
                }
            }
        }

        var imported = new List<DemoStudy>();
        foreach (var importer in importers)
        {
            imported.AddRange(await importer.ImportAsync(demo.Clinics[0].Id, DemoStudyFiles.Find(options), ct).ConfigureAwait(false));
        }

        await reading.SeedAsync([.. demo.Clinics.Select(c => c.Id)], ids, operatorId ?? "system", demo.Clinics[0].Id, imported, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An exclusively opened lock file in the data directory (FileShare.None: an advisory <c>flock</c> on Unix, a share lock on
    /// Windows), held while one seeder checks and creates the demo; released when disposed, or by the system if the process dies.
    /// </summary>
    private static async Task<FileStream> SeedingTurnAsync(string dataDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "demo-seed.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another seeder holds it.
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct).ConfigureAwait(false);
            }
        }
    }

    private static string NewPassword() =>
        "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private sealed record DemoRadiologist(string Login, string Name, RadiologistProfile Profile);

    private static readonly DemoRadiologist[] Radiologists =
    [
        new("dr.sato", "佐藤 美咲 (Misaki Sato, MD)", new RadiologistProfile("", "", "日本医学放射線学会 放射線診断専門医 (JRS board-certified diagnostic radiologist)", 18,
            ["neuroradiology", "head and neck"], ["MR", "CT"], ["ja", "en"], "Neuroradiology fellowship; 18 years reading brain and spine MR.")),
        new("dr.suzuki", "鈴木 健 (Takeshi Suzuki, MD)", new RadiologistProfile("", "", "日本医学放射線学会 放射線診断専門医 (JRS board-certified diagnostic radiologist)", 12,
            ["chest", "abdomen", "emergency"], ["CT", "CR", "DX"], ["ja"], "Body CT and emergency imaging; night and weekend shifts.")),
        new("dr.tanaka", "田中 由紀 (Yuki Tanaka, MD)", new RadiologistProfile("", "", "日本医学放射線学会 放射線診断専門医, 検診マンモグラフィ読影認定医 (JRS board-certified; certified mammography reader)", 9,
            ["breast", "musculoskeletal"], ["MG", "MR", "US", "CR"], ["ja", "en"], "Breast imaging and sports MSK MR.")),
    ];
}
