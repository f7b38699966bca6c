using Microsoft.AspNetCore.Http.HttpResults;
using Teleread.Identity;
using Teleread.Server.Auth;

namespace Teleread.Server.Apis;

/// <summary>
/// Operator administration of the DICOM nodes a clinic may send to (C-MOVE destinations, storage commitment
/// reports). Every change is written to the audit trail with the node it concerns.
/// </summary>
public static class DicomNodesApi
{
    public sealed record NodeBody(string? AeTitle, string? Host, int Port, bool UseTls);

    public static IEndpointRouteBuilder MapDicomNodesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clinics/{clinicId}/dicom-nodes").RequireAuthorization(AuthenticationSetup.OperatorOnly).WithTags("Admin");
        group.MapGet("", ListAsync);
        group.MapPost("", AddAsync);
        group.MapDelete("/{nodeId}", RemoveAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DicomNode>>, ProblemHttpResult>> ListAsync(string clinicId, IdentityStore identity, DicomNodeStore nodes, CancellationToken ct) =>
        await ClinicExistsAsync(identity, clinicId, ct).ConfigureAwait(false)
            ? TypedResults.Ok(await nodes.ListAsync(clinicId, ct).ConfigureAwait(false))
            : ClinicNotFound(clinicId);

    private static async Task<Results<Created<DicomNode>, ProblemHttpResult>> AddAsync(string clinicId, NodeBody body, HttpContext ctx, IdentityStore identity,
        DicomNodeStore nodes, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (DicomNodeValidation.Check(body.AeTitle, body.Host, body.Port) is { } invalid)
        {
            return TypedResults.Problem(invalid, statusCode: StatusCodes.Status400BadRequest, title: "Invalid DICOM node");
        }

        if (!await ClinicExistsAsync(identity, clinicId, ct).ConfigureAwait(false))
        {
            return ClinicNotFound(clinicId);
        }

        var node = await nodes.AddAsync(clinicId, body.AeTitle!, body.Host!, body.Port, body.UseTls, ct).ConfigureAwait(false);
        if (node is null)
        {
            return TypedResults.Problem($"Clinic {clinicId} already has a DICOM node with AE title '{body.AeTitle!.Trim()}'.", statusCode: StatusCodes.Status409Conflict, title: "Duplicate AE title");
        }

        await AuditAsync(ctx, audit, clock, "dicom-node.add", clinicId, node, ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/clinics/{clinicId}/dicom-nodes/{node.Id}", node);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string clinicId, string nodeId, HttpContext ctx, DicomNodeStore nodes, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var existing = (await nodes.ListAsync(clinicId, ct).ConfigureAwait(false)).FirstOrDefault(n => n.Id == nodeId);
        if (existing is null || !await nodes.RemoveAsync(clinicId, nodeId, ct).ConfigureAwait(false))
        {
            return TypedResults.Problem($"Clinic {clinicId} has no DICOM node {nodeId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        await AuditAsync(ctx, audit, clock, "dicom-node.remove", clinicId, existing, ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<bool> ClinicExistsAsync(IdentityStore identity, string clinicId, CancellationToken ct) =>
        (await identity.ListClinicsAsync(ct).ConfigureAwait(false)).Any(c => c.Id == clinicId);

    private static ProblemHttpResult ClinicNotFound(string clinicId) =>
        TypedResults.Problem($"Clinic {clinicId} not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static Task AuditAsync(HttpContext ctx, AuditLog audit, TimeProvider clock, string action, string clinicId, DicomNode node, CancellationToken ct) =>
        audit.WriteAsync(new AuditEvent(clock.GetUtcNow(), ctx.GetCaller().UserId, null, action, $"/api/clinics/{clinicId}/dicom-nodes/{node.Id}", "ok",
            ctx.Connection.RemoteIpAddress?.ToString(), $"{node.AeTitle}@{node.Host}:{node.Port}{(node.UseTls ? " tls" : "")}"), ct);
}
