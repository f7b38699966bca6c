using System.Globalization;
using Teleread.Archive.Retention;
using Teleread.Identity;

namespace Teleread.Server.Archive;

/// <summary>One retention sweep: each clinic's cutoff from its retention period and the clock, then audited deletions.</summary>
public sealed class RetentionRound(ClinicRetentionStore retention, RetentionSweeper sweeper, AuditedStudyDeletion audit, RetentionOptions options, TimeProvider clock)
{
    /// <summary>The actor named in the audit trail for deletions the sweep makes.</summary>
    public const string Actor = "system:retention";

    public async Task<RetentionSweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The periods listed now choose the candidates; each deletion applies the clinic's period as it stands in its own transaction.
        var cutoffs = (await retention.ListLimitedAsync(ct).ConfigureAwait(false))
            .Select(c => new RetentionCutoff(c.ClinicId, c.Retention.CutoffAt(now))
            {
                Current = async (connection, t, token) => (await retention.GetForDeletionAsync(connection, t, c.ClinicId, token).ConfigureAwait(false))?.CutoffAt(now),
            }).ToList();
        return await sweeper.SweepAsync(cutoffs, options.BatchSize, (d, token) => audit.RecordAsync(Actor, d.ClinicId, d.StudyUid,
            string.Create(CultureInfo.InvariantCulture,
                $"retention period passed: last instance received {d.LastReceived:yyyy-MM-dd}, cutoff {d.Cutoff:yyyy-MM-dd}"),
            d.Result, token), ct).ConfigureAwait(false);
    }
}
