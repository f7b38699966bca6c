using Microsoft.AspNetCore.Http.HttpResults;
using Teleread.Archive.Commitment;
using Teleread.Dicom;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

/// <summary>
/// Operator view of the Storage Commitment report outbox: reports still waiting for their clinic's node (pending) and
/// those given up on (failed), which the operator can put back in the queue once the clinic's node is fixed, or discard.
/// UIDs, counts and delivery state only; the audit trail records every call (AuditMiddleware).
/// </summary>
public static class CommitmentReportsApi
{
    public sealed record CommitmentReportView(
        string Id,
        string ClinicId,
        string CallingAeTitle,
        string TransactionUid,
        int EventTypeId,
        int Committed,
        int Failed,
        string State,
        int Attempts,
        DateTimeOffset? NextAttemptAt,
        string? LastError,
        DateTimeOffset CreatedAt,
        DateTimeOffset? FailedAt,
        DateTimeOffset? RequeuedAt);

    public static IEndpointRouteBuilder MapCommitmentReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/dicom/commitment-reports", ListAsync).RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        app.MapPost("/api/admin/dicom/commitment-reports/{id}/requeue", RequeueAsync).RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        app.MapDelete("/api/admin/dicom/commitment-reports/{id}", DiscardAsync).RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        return app;
    }

    /// <summary>A failed report goes back in the queue, due now; 404 when unknown, 409 when it is not failed (still being tried).</summary>
    private static async Task<Results<Ok<CommitmentReportView>, ProblemHttpResult>> RequeueAsync(string id, ICommitmentReportOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (await outbox.RequeueAsync(id, clock.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return TypedResults.Ok(View((await outbox.FindAsync(id, ct).ConfigureAwait(false))!));
        }

        return await outbox.FindAsync(id, ct).ConfigureAwait(false) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No Storage Commitment report '{id}'.")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: "The report is still pending; only a failed report can be put back in the queue.");
    }

    /// <summary>The report is removed and never sent; 404 when unknown.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(string id, ICommitmentReportOutbox outbox, CancellationToken ct) =>
        await outbox.DiscardAsync(id, ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No Storage Commitment report '{id}'.");

    /// <summary>Newest first; <c>state</c> = <c>pending</c> or <c>failed</c> (default both), <c>limit</c> 1–1000 (default 200).</summary>
    private static async Task<Results<Ok<IReadOnlyList<CommitmentReportView>>, ProblemHttpResult>> ListAsync(
        ICommitmentReportOutbox outbox, string? state, int? limit, CancellationToken ct)
    {
        CommitmentReportState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<CommitmentReportState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "state must be 'pending' or 'failed'.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "limit must be between 1 and 1000.");
        }

        var entries = await outbox.ListAsync(filter, limit ?? 200, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<CommitmentReportView>>([.. entries.Select(View)]);
    }

    private static CommitmentReportView View(CommitmentReportEntry e) => new(
        e.Id, e.ClinicId, e.CallingAeTitle, e.TransactionUid, e.EventTypeId,
        e.EventInformation.GetSequence(DicomTags.ReferencedSOPSequence)?.Items.Count ?? 0,
        e.EventInformation.GetSequence(DicomTags.FailedSOPSequence)?.Items.Count ?? 0,
        e.State == CommitmentReportState.Failed ? "failed" : "pending", e.Attempts,
        e.State == CommitmentReportState.Pending ? e.NextAttemptAt : null, e.LastError, e.CreatedAt, e.FailedAt, e.RequeuedAt);
}
