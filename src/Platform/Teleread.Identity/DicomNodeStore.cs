using Dapper;
using Teleread.Data;

namespace Teleread.Identity;

/// <summary>The DICOM nodes each clinic may send to (table clinic_dicom_nodes). An AE title is unique within a clinic.</summary>
public sealed class DicomNodeStore(IDatabase db, TimeProvider clock)
{
    private const string Columns = "id AS Id, clinic_id AS ClinicId, ae_title AS AeTitle, host AS Host, port AS Port, use_tls AS UseTls";

    /// <summary>
    /// Registers a node; null when the clinic does not exist or already has a node with this AE title. One statement
    /// decides and inserts: two transactions that each checked first would both find the title free under READ COMMITTED
    /// (PostgreSQL), and the second insert would fail on the unique constraint instead of answering "taken".
    /// </summary>
    public Task<DicomNode?> AddAsync(string clinicId, string aeTitle, string host, int port, bool useTls, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var node = new DicomNode(IdGenerator.New(), clinicId, IdentityStore.NormaliseAe(aeTitle), host.Trim(), port, useTls);
            var inserted = await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO clinic_dicom_nodes (id, clinic_id, ae_title, host, port, use_tls, created_at) " +
                "SELECT @Id, @ClinicId, @AeTitle, @Host, @Port, @Tls, @At WHERE EXISTS (SELECT 1 FROM clinics WHERE id = @ClinicId) " +
                "ON CONFLICT (clinic_id, ae_title) DO NOTHING",
                new { node.Id, node.ClinicId, node.AeTitle, node.Host, node.Port, Tls = node.UseTls ? 1 : 0, At = UnixTime.ToDb(clock.GetUtcNow()) },
                t, cancellationToken: ct)).ConfigureAwait(false);
            return inserted == 1 ? node : null;
        }, ct);

    public Task<IReadOnlyList<DicomNode>> ListAsync(string clinicId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<DicomNode>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM clinic_dicom_nodes WHERE clinic_id = @clinicId ORDER BY ae_title", new { clinicId }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(r => r.ToNode()).ToList(), ct);

    /// <summary>The clinic's node with this AE title, or null: a clinic never reaches another clinic's nodes.</summary>
    public Task<DicomNode?> FindAsync(string clinicId, string aeTitle, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<Row?>(new CommandDefinition(
            $"SELECT {Columns} FROM clinic_dicom_nodes WHERE clinic_id = @clinicId AND ae_title = @Ae",
            new { clinicId, Ae = IdentityStore.NormaliseAe(aeTitle) }, cancellationToken: ct)).ConfigureAwait(false))?.ToNode(), ct);

    /// <summary>True when the node existed (and belonged to the clinic).</summary>
    public Task<bool> RemoveAsync(string clinicId, string nodeId, CancellationToken ct) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM clinic_dicom_nodes WHERE clinic_id = @clinicId AND id = @nodeId", new { clinicId, nodeId }, t, cancellationToken: ct)).ConfigureAwait(false) > 0, ct);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string ClinicId { get; set; } = "";
        public string AeTitle { get; set; } = "";
        public string Host { get; set; } = "";
        public long Port { get; set; }
        public long UseTls { get; set; }

        public DicomNode ToNode() => new(Id, ClinicId, AeTitle, Host, (int)Port, UseTls != 0);
    }
}
