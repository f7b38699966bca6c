using System.Data.Common;

namespace Teleread.Archive.Retention;

/// <summary>One clinic's rule for a sweep: its studies last received before <see cref="ReceivedBefore"/> have passed retention.</summary>
public sealed record RetentionCutoff(string ClinicId, DateTimeOffset ReceivedBefore)
{
    /// <summary>
    /// The clinic's cutoff as it stands now (null: keep forever), read inside each deletion's transaction, so a period changed
    /// after the sweep listed its candidates is the one applied. Without it, <see cref="ReceivedBefore"/> is applied throughout.
    /// </summary>
    public Func<DbConnection, DbTransaction, CancellationToken, Task<DateTimeOffset?>>? Current { get; init; }
}
