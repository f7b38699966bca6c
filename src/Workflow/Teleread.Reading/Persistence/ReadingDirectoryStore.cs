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

    public Task<RadiologistProfile?> FindRadiologistAsync(string id, CancellationToken ct) => Find<RadiologistProfile>("reading_radiologists", id, ct);

    public Task<Clinic?> FindClinicAsync(string id, CancellationToken ct) => Find<Clinic>("reading_clinics", id, ct);

    private Task Upsert<T>(string table, string id, T value, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {table} (id, document) VALUES (@Id, @Document) ON CONFLICT (id) DO UPDATE SET document = excluded.document",
            new { Id = id, Document = ReadingJson.Serialize(value) }, t, cancellationToken: ct)), ct);

    private Task<IReadOnlyList<T>> List<T>(string table, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<T>>(async c =>
            (await c.QueryAsync<string>(new CommandDefinition($"SELECT document FROM {table} ORDER BY id", cancellationToken: ct)).ConfigureAwait(false))
            .Select(ReadingJson.Deserialize<T>).ToList(), ct);

    private Task<T?> Find<T>(string table, string id, CancellationToken ct) where T : class =>
        db.ReadAsync(async c =>
            await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition($"SELECT document FROM {table} WHERE id = @Id", new { Id = id }, cancellationToken: ct)).ConfigureAwait(false)
                is { } json ? ReadingJson.Deserialize<T>(json) : null, ct);
}
