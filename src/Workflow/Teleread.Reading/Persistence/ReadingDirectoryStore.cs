using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Teleread.Data;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

/// <summary>The reading side of the roster and of clinics: profiles with shifts and capacity, contracts with SLA terms.</summary>
public sealed class ReadingDirectoryStore(IDatabase db)
{
    public Task UpsertRadiologistAsync(RadiologistProfile profile, CancellationToken ct) => Upsert("reading_radiologists", profile.Id, profile, ct);

    public Task UpsertClinicAsync(Clinic clinic, CancellationToken ct) => Upsert("reading_clinics", clinic.Id, clinic, ct);

    public Task<IReadOnlyList<RadiologistProfile>> ListRadiologistsAsync(CancellationToken ct) => List<RadiologistProfile>("reading_radiologists", ct);

    public Task<IReadOnlyList<Clinic>> ListClinicsAsync(CancellationToken ct) => List<Clinic>("reading_clinics", ct);

    /// <summary>A clinic with the tag of its stored version (an HTTP entity tag: quoted), or null.</summary>
    public Task<(Clinic Clinic, string Tag)?> FindClinicWithTagAsync(string id, CancellationToken ct) => FindWithTag<Clinic>("reading_clinics", id, ct);

    /// <summary>
    /// Saves a clinic only if its stored version still has <paramref name="expectedTag"/> (null: whatever is stored, or nothing;
    /// <c>*</c>: whatever is stored, but something must be); returns the new tag, or null when someone saved it meanwhile (or
    /// nothing is stored). The stored row is read locked (PostgreSQL), so two operators saving over the same version cannot
    /// both succeed.
    /// </summary>
    public Task<string?> TryUpsertClinicAsync(Clinic clinic, string? expectedTag, CancellationToken ct) => TryUpsert("reading_clinics", clinic.Id, clinic, expectedTag, ct);

    /// <summary>
    /// Saves a clinic only if none is stored under its id; returns its tag, or null when one exists. One insert that does
    /// nothing on conflict, so of two creations racing (two operators, two processes) exactly one is saved.
    /// </summary>
    public Task<string?> TryCreateClinicAsync(Clinic clinic, CancellationToken ct) => TryCreate("reading_clinics", clinic.Id, clinic, ct);

    /// <summary>A radiologist's profile with the tag of its stored version, as <see cref="FindClinicWithTagAsync"/>.</summary>
    public Task<(RadiologistProfile Profile, string Tag)?> FindRadiologistWithTagAsync(string id, CancellationToken ct) =>
        FindWithTag<RadiologistProfile>("reading_radiologists", id, ct);

    /// <summary>Saves a profile only over the version tagged <paramref name="expectedTag"/>, as <see cref="TryUpsertClinicAsync"/>.</summary>
    public Task<string?> TryUpsertRadiologistAsync(RadiologistProfile profile, string? expectedTag, CancellationToken ct) =>
        TryUpsert("reading_radiologists", profile.Id, profile, expectedTag, ct);

    /// <summary>Saves a profile only if none is stored under its id, as <see cref="TryCreateClinicAsync"/>.</summary>
    public Task<string?> TryCreateRadiologistAsync(RadiologistProfile profile, CancellationToken ct) => TryCreate("reading_radiologists", profile.Id, profile, ct);

    private Task<(T Value, string Tag)?> FindWithTag<T>(string table, string id, CancellationToken ct) =>
        db.ReadAsync<(T, string)?>(async c =>
            await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition($"SELECT document FROM {table} WHERE id = @Id", new { Id = id }, cancellationToken: ct))
                .ConfigureAwait(false) is { } json ? (ReadingJson.Deserialize<T>(json), TagOf(json)) : null, ct);

    private Task<string?> TryUpsert<T>(string table, string id, T value, string? expectedTag, CancellationToken ct) =>
        db.WriteAsync<string?>(async (c, t) =>
        {
            if (expectedTag is not null)
            {
                var stored = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                    $"SELECT document FROM {table} WHERE id = @Id" + db.Dialect.ForUpdate(), new { Id = id }, t, cancellationToken: ct)).ConfigureAwait(false);
                if (stored is null || (expectedTag != "*" && TagOf(stored) != expectedTag))
                {
                    return null;
                }
            }

            var json = ReadingJson.Serialize(value);
            await UpsertAsync(c, t, table, id, json, ct).ConfigureAwait(false);
            return TagOf(json);
        }, ct);

    private Task<string?> TryCreate<T>(string table, string id, T value, CancellationToken ct) =>
        db.WriteAsync<string?>(async (c, t) =>
        {
            var json = ReadingJson.Serialize(value);
            var inserted = await c.ExecuteAsync(new CommandDefinition($"INSERT INTO {table} (id, document) VALUES (@Id, @Document) ON CONFLICT (id) DO NOTHING",
                new { Id = id, Document = json }, t, cancellationToken: ct)).ConfigureAwait(false);
            return inserted == 1 ? TagOf(json) : null;
        }, ct);

    public Task<RadiologistProfile?> FindRadiologistAsync(string id, CancellationToken ct) => Find<RadiologistProfile>("reading_radiologists", id, ct);

    public Task<Clinic?> FindClinicAsync(string id, CancellationToken ct) => Find<Clinic>("reading_clinics", id, ct);

    private Task Upsert<T>(string table, string id, T value, CancellationToken ct) =>
        db.WriteAsync((c, t) => UpsertAsync(c, t, table, id, ReadingJson.Serialize(value), ct), ct);

    private static Task UpsertAsync(DbConnection c, DbTransaction t, string table, string id, string document, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {table} (id, document) VALUES (@Id, @Document) ON CONFLICT (id) DO UPDATE SET document = excluded.document",
            new { Id = id, Document = document }, t, cancellationToken: ct));

    private static string TagOf(string document) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)).AsSpan(0, 12)) + "\"";

    private Task<IReadOnlyList<T>> List<T>(string table, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<T>>(async c =>
            (await c.QueryAsync<string>(new CommandDefinition($"SELECT document FROM {table} ORDER BY id", cancellationToken: ct)).ConfigureAwait(false))
            .Select(ReadingJson.Deserialize<T>).ToList(), ct);

    private Task<T?> Find<T>(string table, string id, CancellationToken ct) where T : class =>
        db.ReadAsync(async c =>
            await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition($"SELECT document FROM {table} WHERE id = @Id", new { Id = id }, cancellationToken: ct)).ConfigureAwait(false)
                is { } json ? ReadingJson.Deserialize<T>(json) : null, ct);
}
