using Dapper;
using Teleread.Data;

namespace Teleread.Identity;

/// <summary>Clinics, users, radiologist profiles and API tokens.</summary>
public sealed class IdentityStore(IDatabase db, TimeProvider clock)
{
    public Task<Clinic> CreateClinicAsync(string name, IReadOnlyList<string> aeTitles, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var clinic = new Clinic(IdGenerator.New(), name, aeTitles.Select(NormaliseAe).ToList());
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO clinics (id, name, created_at) VALUES (@Id, @Name, @At)",
                new { clinic.Id, clinic.Name, At = UnixTime.ToDb(clock.GetUtcNow()) }, t, cancellationToken: ct)).ConfigureAwait(false);
            foreach (var ae in clinic.AeTitles)
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO clinic_ae_titles (ae_title, clinic_id) VALUES (@Ae, @Id)", new { Ae = ae, clinic.Id }, t, cancellationToken: ct)).ConfigureAwait(false);
            }

            return clinic;
        }, ct);

    public Task<IReadOnlyList<Clinic>> ListClinicsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Clinic>>(async c =>
        {
            var clinics = await c.QueryAsync<(string Id, string Name)>(new CommandDefinition("SELECT id, name FROM clinics ORDER BY name", cancellationToken: ct)).ConfigureAwait(false);
            var aes = (await c.QueryAsync<(string Ae, string ClinicId)>(new CommandDefinition("SELECT ae_title, clinic_id FROM clinic_ae_titles ORDER BY ae_title", cancellationToken: ct)).ConfigureAwait(false))
                .ToLookup(x => x.ClinicId, x => x.Ae);
            return clinics.Select(x => new Clinic(x.Id, x.Name, aes[x.Id].ToList())).ToList();
        }, ct);

    /// <summary>The clinic whose device calls with this AE title, or null for an unknown caller.</summary>
    public Task<string?> FindClinicByAeTitleAsync(string aeTitle, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT clinic_id FROM clinic_ae_titles WHERE ae_title = @Ae", new { Ae = NormaliseAe(aeTitle) }, cancellationToken: ct)), ct);

    public Task<User> CreateUserAsync(string login, string displayName, Role role, string? clinicId, string password, CancellationToken ct)
    {
        if (role == Role.ClinicUser && clinicId is null)
        {
            throw new ArgumentException("A clinic user must belong to a clinic.", nameof(clinicId));
        }

        var user = new User(IdGenerator.New(), login, displayName, role, role == Role.ClinicUser ? clinicId : null, false);
        var hash = PasswordHasher.Hash(password);
        return db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO users (id, login, display_name, role, clinic_id, password_hash, disabled, created_at) VALUES (@Id, @Login, @DisplayName, @Role, @ClinicId, @Hash, 0, @At)",
                new { user.Id, user.Login, user.DisplayName, Role = user.Role.ToString(), user.ClinicId, Hash = hash, At = UnixTime.ToDb(clock.GetUtcNow()) },
                t, cancellationToken: ct)).ConfigureAwait(false);
            return user;
        }, ct);
    }

    /// <summary>Checks a login and password; null for any failure, without saying which part was wrong.</summary>
    public async Task<Caller?> VerifyPasswordAsync(string login, string password, CancellationToken ct)
    {
        var row = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<UserRow?>(new CommandDefinition(
            "SELECT id AS Id, login AS Login, role AS Role, clinic_id AS ClinicId, password_hash AS PasswordHash, disabled AS Disabled FROM users WHERE login = @Login",
            new { Login = login }, cancellationToken: ct)), ct).ConfigureAwait(false);
        if (row is null)
        {
            PasswordHasher.Verify(password, DummyHash.Value);
            return null;
        }

        return row.Disabled == 0 && PasswordHasher.Verify(password, row.PasswordHash) ? row.ToCaller() : null;
    }

    public async Task<string> IssueTokenAsync(string userId, string? clinicId, string name, CancellationToken ct)
    {
        var token = ApiToken.Create();
        await db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_tokens (id, clinic_id, user_id, name, token_hash, created_at) VALUES (@Id, @ClinicId, @UserId, @Name, @Hash, @At)",
            new { Id = IdGenerator.New(), ClinicId = clinicId, UserId = userId, Name = name, Hash = ApiToken.HashOf(token), At = UnixTime.ToDb(clock.GetUtcNow()) },
            t, cancellationToken: ct)), ct).ConfigureAwait(false);
        return token;
    }

    public async Task<Caller?> VerifyTokenAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var row = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<UserRow?>(new CommandDefinition(
            "SELECT u.id AS Id, u.login AS Login, u.role AS Role, u.clinic_id AS ClinicId, u.password_hash AS PasswordHash, u.disabled AS Disabled " +
            "FROM api_tokens k JOIN users u ON u.id = k.user_id WHERE k.token_hash = @Hash AND k.revoked_at IS NULL",
            new { Hash = ApiToken.HashOf(token) }, cancellationToken: ct)), ct).ConfigureAwait(false);
        return row is { Disabled: 0 } ? row.ToCaller() : null;
    }

    public Task SaveRadiologistProfileAsync(RadiologistProfile p, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO radiologist_profiles (user_id, board_certification, years_of_experience, subspecialties, modalities, languages, biography) " +
            "VALUES (@UserId, @BoardCertification, @YearsOfExperience, @Subspecialties, @Modalities, @Languages, @Biography) " +
            "ON CONFLICT (user_id) DO UPDATE SET board_certification = excluded.board_certification, years_of_experience = excluded.years_of_experience, " +
            "subspecialties = excluded.subspecialties, modalities = excluded.modalities, languages = excluded.languages, biography = excluded.biography",
            new
            {
                p.UserId, p.BoardCertification, p.YearsOfExperience, p.Biography,
                Subspecialties = string.Join('|', p.Subspecialties), Modalities = string.Join('|', p.Modalities), Languages = string.Join('|', p.Languages),
            }, t, cancellationToken: ct)), ct);

    public Task<IReadOnlyList<RadiologistProfile>> ListRadiologistsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<RadiologistProfile>>(async c =>
        {
            var rows = await c.QueryAsync<ProfileRow>(new CommandDefinition(
                "SELECT p.user_id AS UserId, u.display_name AS DisplayName, p.board_certification AS BoardCertification, p.years_of_experience AS YearsOfExperience, " +
                "p.subspecialties AS Subspecialties, p.modalities AS Modalities, p.languages AS Languages, p.biography AS Biography " +
                "FROM radiologist_profiles p JOIN users u ON u.id = p.user_id WHERE u.disabled = 0 ORDER BY u.display_name", cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => new RadiologistProfile(r.UserId, r.DisplayName, r.BoardCertification, (int)r.YearsOfExperience,
                Split(r.Subspecialties), Split(r.Modalities), Split(r.Languages), r.Biography)).ToList();
        }, ct);

    public Task<bool> AnyClinicAsync(CancellationToken ct) =>
        db.ReadAsync(async c => await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM clinics", cancellationToken: ct)).ConfigureAwait(false) > 0, ct);

    public static string NormaliseAe(string ae) => ae.Trim();

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split('|');

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash("timing-equaliser"));

    private sealed class UserRow
    {
        public string Id { get; set; } = "";
        public string Login { get; set; } = "";
        public string Role { get; set; } = "";
        public string? ClinicId { get; set; }
        public string PasswordHash { get; set; } = "";
        public long Disabled { get; set; }

        public Caller ToCaller() => new(Id, Login, Enum.Parse<Role>(Role), ClinicId);
    }

    private sealed class ProfileRow
    {
        public string UserId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string BoardCertification { get; set; } = "";
        public long YearsOfExperience { get; set; }
        public string Subspecialties { get; set; } = "";
        public string Modalities { get; set; } = "";
        public string Languages { get; set; } = "";
        public string Biography { get; set; } = "";
    }
}
