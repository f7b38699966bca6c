using Microsoft.AspNetCore.Http.HttpResults;
using Teleread.Archive.Retrieve;
using Teleread.Identity;
using Teleread.Server.Archive;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

/// <summary>
/// Operator-only archive operations: deleting a study (a reason is required and audited) and each clinic's
/// retention period. A study that is not the named clinic's answers 404, whether it is unknown or another clinic's.
/// </summary>
public static class ArchiveAdminApi
{
    public sealed record StudyDeleted(string ClinicId, string StudyUid, int InstancesRemoved, IReadOnlyList<string> BlobsNotDeleted);

    /// <summary>A clinic's retention: <c>keepForever</c>, or a period of years and days after a study's last instance arrived.</summary>
    public sealed record RetentionView(string ClinicId, bool KeepForever, int? Years, int? Days);

    public sealed record RetentionChange(bool KeepForever, int? Years, int? Days);

    public static IEndpointRouteBuilder MapArchiveAdminApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/admin/clinics/{clinicId}").RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        g.MapDelete("/studies/{studyUid}", DeleteStudyAsync);
        g.MapGet("/retention", GetRetentionAsync);
        g.MapPut("/retention", SetRetentionAsync);
        app.MapDelete("/dicomweb/studies/{studyUid}", DeleteDicomWebStudyAsync).RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("DICOMweb");
        return app;
    }

    /// <summary>
    /// The DICOMweb-style form (as dcm4chee and Orthanc offer it), operators only: the study is found in whichever clinic
    /// holds it; a UID stored by several clinics answers 409 (use the clinic's admin route).
    /// </summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteDicomWebStudyAsync(
        HttpContext ctx, RetrieveService retrieve, AuditedStudyDeletion deletion, string studyUid, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Deleting a study needs a reason (query parameter 'reason'); it goes into the audit trail.");
        }

        var clinics = (await retrieve.ListInstancesAsync(Teleread.Archive.ArchiveAccess.All, studyUid, null, null, ct).ConfigureAwait(false)).Select(i => i.ClinicId).Distinct().ToList();
        if (clinics.Count > 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                detail: $"Study {studyUid} is stored by {clinics.Count} clinics; delete it with DELETE /api/admin/clinics/{{clinicId}}/studies/{studyUid}.");
        }

        return clinics.Count == 1 && (await deletion.DeleteAsync(ctx.GetCaller().UserId, clinics[0], studyUid, reason.Trim(), ct).ConfigureAwait(false)).Found
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    /// <summary>Deletes the study's index rows and its blobs on every site. <c>reason</c> (query) is required.</summary>
    private static async Task<Results<Ok<StudyDeleted>, NotFound, ProblemHttpResult>> DeleteStudyAsync(
        HttpContext ctx, AuditedStudyDeletion deletion, string clinicId, string studyUid, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Deleting a study needs a reason (query parameter 'reason'); it goes into the audit trail.");
        }

        var result = await deletion.DeleteAsync(ctx.GetCaller().UserId, clinicId, studyUid, reason.Trim(), ct).ConfigureAwait(false);
        return result.Found ? TypedResults.Ok(new StudyDeleted(clinicId, studyUid, result.InstancesRemoved, result.BlobsNotDeleted)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<RetentionView>, NotFound>> GetRetentionAsync(ClinicRetentionStore store, string clinicId, CancellationToken ct)
    {
        var (found, retention) = await store.GetAsync(clinicId, ct).ConfigureAwait(false);
        return found ? TypedResults.Ok(View(clinicId, retention)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<RetentionView>, NotFound, ProblemHttpResult>> SetRetentionAsync(
        HttpContext ctx, ClinicRetentionStore store, AuditLog audit, TimeProvider clock, string clinicId, RetentionChange change, CancellationToken ct)
    {
        ClinicRetention? retention = null;
        if (!change.KeepForever)
        {
            var (years, days) = (change.Years ?? 0, change.Days ?? 0);
            if (ClinicRetention.Problem(years, days) is { } problem)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: problem);
            }

            retention = new ClinicRetention(years, days);
        }

        var (found, before) = await store.SetAsync(clinicId, retention, ct).ConfigureAwait(false);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEvent(clock.GetUtcNow(), ctx.GetCaller().UserId, clinicId, "SET-RETENTION", $"clinics/{clinicId}/retention", "changed", null,
            $"{Describe(before)} -> {Describe(retention)}"), ct).ConfigureAwait(false);
        return TypedResults.Ok(View(clinicId, retention));
    }

    private static RetentionView View(string clinicId, ClinicRetention? r) => new(clinicId, r is null, r?.Years, r?.Days);

    private static string Describe(ClinicRetention? r) => r is null ? "keep forever" : $"{r.Years} year(s) {r.Days} day(s)";
}
