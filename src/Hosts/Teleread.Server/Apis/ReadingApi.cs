using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Server.Auth;
using static Teleread.Server.Apis.ReadingApiContracts;
using Caller = Teleread.Identity.Caller;
using Role = Teleread.Identity.Role;

namespace Teleread.Server.Apis;

/// <summary>
/// Reading requests, worklists, the pool, the SLA board and the reading roster. Tenant rules: a clinic user sees
/// and acts on its own clinic's requests only; a radiologist sees what is assigned to them (or theirs to second-read)
/// and the pool they are qualified for; an operator sees everything. Other tenants' requests answer 404.
/// </summary>
public static class ReadingApi
{
    private static readonly HashSet<ReadingCommand> ClinicCommands = [ReadingCommand.CompleteImages, ReadingCommand.Cancel, ReadingCommand.Acknowledge];

    public static IEndpointRouteBuilder MapReadingApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reading").RequireAuthorization().WithTags("Reading");
        g.MapPost("/requests", CreateAsync);
        g.MapGet("/requests", ListAsync);
        g.MapGet("/requests/{id:guid}", GetAsync);
        g.MapPost("/requests/{id:guid}/complete", CompleteAsync);
        g.MapPost("/requests/{id:guid}/commands/{command}", CommandAsync);
        g.MapPost("/requests/{id:guid}/claim", ClaimAsync);
        g.MapPost("/requests/{id:guid}/lock", RenewLockAsync);
        g.MapGet("/worklist", async (HttpContext ctx, ReadingService reading, CancellationToken ct) =>
            TypedResults.Ok((await reading.WorklistAsync(ctx.GetCaller().UserId, ct).ConfigureAwait(false)).Select(RequestView.Of).ToList()));
        g.MapGet("/pool", async (HttpContext ctx, ReadingService reading, CancellationToken ct) =>
            TypedResults.Ok((await reading.PoolAsync(ctx.GetCaller().UserId, ct).ConfigureAwait(false)).Select(RequestView.Of).ToList()));
        // Names for worklists: radiologists and operators see every contracted clinic, a clinic user only its own.
        g.MapGet("/clinic-names", async (HttpContext ctx, ReadingService reading, CancellationToken ct) =>
            TypedResults.Ok((await reading.Directory.ListClinicsAsync(ct).ConfigureAwait(false))
                .Where(c => ctx.GetCaller().Role != Role.ClinicUser || ctx.GetCaller().ClinicId == c.Id).Select(c => new ClinicName(c.Id, c.Name)).ToList()));
        g.MapGet("/transitions", () => TypedResults.Ok(ReadingTransitionTable.Transitions.Select(t => new TransitionView(t.From, t.Command, t.To))
            .OrderBy(t => t.From).ThenBy(t => t.Command).ToList()));

        var ops = g.MapGroup("").RequireAuthorization(AuthenticationSetup.OperatorOnly);
        ops.MapGet("/sla-board", async (ReadingService reading, CancellationToken ct) => TypedResults.Ok(await reading.SlaBoardAsync(ct).ConfigureAwait(false)));
        ops.MapGet("/alerts", async (SlaAlertStore alerts, Guid? requestId, int? limit, CancellationToken ct) =>
            TypedResults.Ok(await alerts.ListAsync(requestId, Math.Clamp(limit ?? 100, 1, 1000), ct).ConfigureAwait(false)));
        ops.MapPost("/assign", async (ReadingService reading, CancellationToken ct) => TypedResults.Ok(await reading.AssignQueuedAsync(ct).ConfigureAwait(false)));
        ops.MapGet("/radiologists", async (ReadingService reading, CancellationToken ct) => TypedResults.Ok(await reading.Directory.ListRadiologistsAsync(ct).ConfigureAwait(false)));
        ops.MapGet("/radiologists/{id}", GetRadiologistAsync);
        ops.MapPut("/radiologists/{id}", UpsertRadiologistAsync);
        // Every clinic's reading contract in one answer (the operator's clinics table); a clinic without one is absent.
        ops.MapGet("/clinics", async (ReadingService reading, CancellationToken ct) =>
            TypedResults.Ok((await reading.Directory.ListClinicsAsync(ct).ConfigureAwait(false)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList()));
        ops.MapPut("/clinics/{id}", UpsertClinicAsync);
        ops.MapGet("/contract-template", ContractTemplate);
        ops.MapPost("/studies/images", async (ImagesArrivedBody body, ReadingService reading, CancellationToken ct) =>
            TypedResults.Ok((await reading.ImagesArrivedAsync(body.ClinicId, body.StudyReference, body.Count, ct).ConfigureAwait(false))
                .Where(o => o.Succeeded).Select(o => RequestView.Of(o.Request!)).ToList()));
        g.MapGet("/clinics/{id}", GetClinicAsync);
        return app;
    }

    /// <summary>Opens a request; an <c>Idempotency-Key</c> header makes a retried POST return the first request.</summary>
    private static async Task<Results<Created<RequestView>, ProblemHttpResult>> CreateAsync(CreateRequestBody body, HttpContext ctx, ReadingService reading,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        var clinicId = caller.Role switch
        {
            Role.ClinicUser => caller.ClinicId,
            Role.Operator => body.ClinicId,
            _ => null,
        };
        if (caller.Role == Role.Radiologist)
        {
            return Problem(403, "Forbidden", "Radiologists do not open reading requests.");
        }

        if (string.IsNullOrWhiteSpace(clinicId) || string.IsNullOrWhiteSpace(body.PatientId) || string.IsNullOrWhiteSpace(body.StudyReference)
            || string.IsNullOrWhiteSpace(body.ClinicalQuestion) || string.IsNullOrWhiteSpace(body.RequestingDoctor))
        {
            return Problem(400, "Invalid request", "clinicId (operators), patientId, studyReference, clinicalQuestion and requestingDoctor are required.");
        }

        var details = new ReadingRequestDetails(body.ClinicalQuestion, body.Modality, body.BodyRegion, body.Priority, body.RequestingDoctor,
            body.Attachments ?? [], body.PriorStudyReferences ?? [], body.RequiredSubspecialty, body.ReportLanguage);
        var outcome = await reading.ReceiveAsync(new NewReadingRequest(clinicId, body.PatientId, body.StudyReference, details, body.AskForSecondReading),
            ActorOf(caller), ct, idempotencyKey).ConfigureAwait(false);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/reading/requests/{outcome.Request!.Id}", RequestView.Of(outcome.Request))
            : Problem(outcome);
    }

    private static async Task<Results<Ok<List<RequestView>>, ProblemHttpResult>> ListAsync(HttpContext ctx, ReadingService reading,
        string? clinicId, ReadingState? state, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        if (caller.Role == Role.Radiologist)
        {
            return Problem(403, "Forbidden", "Radiologists use /api/reading/worklist and /api/reading/pool.");
        }

        var scope = caller.IsOperator ? clinicId : caller.ClinicId;
        var list = await reading.Requests.ListAsync(new ReadingRequestFilter(ClinicId: scope, States: state is { } s ? [s] : null), ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(RequestView.Of).ToList());
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        var r = await reading.FindAsync(id, ct).ConfigureAwait(false);
        return r is not null && CanSee(ctx.GetCaller(), r) ? TypedResults.Ok(RequestView.Of(r)) : NotFound(id);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> CompleteAsync(Guid id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        var r = await reading.FindAsync(id, ct).ConfigureAwait(false);
        if (r is null || !CanSee(caller, r) || caller.Role == Role.Radiologist)
        {
            return NotFound(id);
        }

        var outcome = await reading.MarkCompleteAsync(id, ActorOf(caller), ct).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(RequestView.Of(outcome.Request!)) : Problem(outcome);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> CommandAsync(Guid id, string command, CommandBody? body, HttpContext ctx,
        ReadingService reading, CancellationToken ct)
    {
        if (!Enum.TryParse<ReadingCommand>(command, ignoreCase: true, out var cmd) || int.TryParse(command, out _))
        {
            return Problem(400, "Unknown command", $"'{command}' is not a reading command; see /api/reading/transitions.");
        }

        if (cmd is ReadingCommand.SupplyDetails or ReadingCommand.CreateFromImages)
        {
            return Problem(400, "Not a command", $"{cmd} happens through POST /api/reading/requests and the arrival of images, not as a command.");
        }

        var caller = ctx.GetCaller();
        var r = await reading.FindAsync(id, ct).ConfigureAwait(false);
        if (r is null || !CanSee(caller, r))
        {
            return NotFound(id);
        }

        var permitted = caller.Role switch
        {
            Role.Operator => true,
            Role.ClinicUser => ClinicCommands.Contains(cmd),
            // Checked again by the domain on the state the command is applied to: the case may change hands before it runs.
            _ => ReadingRequest.ReaderCommands.Contains(cmd) && r.CurrentReader == caller.UserId,
        };
        if (!permitted)
        {
            return Problem(403, "Forbidden", $"A {caller.Role} cannot {cmd} this request.");
        }

        var outcome = await reading.ExecuteAsync(id, cmd, ActorOf(caller), body?.Reason ?? $"{cmd} by {caller.Login}", body?.RadiologistId,
            body?.ExpectedVersion, ct).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(RequestView.Of(outcome.Request!)) : Problem(outcome);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> ClaimAsync(Guid id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        if (caller.Role != Role.Radiologist)
        {
            return Problem(403, "Forbidden", "Only radiologists claim cases from the pool; operators assign.");
        }

        var outcome = await reading.ClaimAsync(id, caller.UserId, ct).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(RequestView.Of(outcome.Request!)) : Problem(outcome);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> RenewLockAsync(Guid id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        var outcome = caller.Role == Role.Radiologist
            ? await reading.RenewLockAsync(id, caller.UserId, ct).ConfigureAwait(false)
            : CommandOutcome.Fail(ReadingError.NotTheAssignee, "Only the reading radiologist holds the lock.");
        return outcome.Succeeded ? TypedResults.Ok(RequestView.Of(outcome.Request!)) : Problem(outcome);
    }

    /// <summary>
    /// Saves a radiologist's profile (shifts, capacity, subspecialties), with the preconditions of a contract's PUT
    /// (<see cref="SaveWithPreconditionsAsync"/>): with <c>If-Match</c> (the <c>ETag</c> of <c>GET …/radiologists/{id}</c>)
    /// only over that version, so two operators editing one roster entry cannot undo each other's change.
    /// </summary>
    private static async Task<Results<Ok<RadiologistProfile>, Created<RadiologistProfile>, ProblemHttpResult>> UpsertRadiologistAsync(string id, RadiologistProfile profile,
        HttpContext ctx, ReadingService reading, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, CancellationToken ct)
    {
        if (profile.Id != id || profile.CapacityPerHour <= 0)
        {
            return Problem(400, "Invalid profile", "The profile id must match the URL and capacityPerHour must be positive.");
        }

        return await SaveWithPreconditionsAsync(ctx, ifMatch, ifNoneMatch, profile, $"/api/reading/radiologists/{Uri.EscapeDataString(id)}",
            () => reading.Directory.TryCreateRadiologistAsync(profile, ct),
            expected => reading.Directory.TryUpsertRadiologistAsync(profile, expected, ct),
            $"Radiologist '{id}' already has a profile (created meanwhile?); reload it and edit that one.",
            $"The profile of radiologist '{id}' was changed (or removed) since you read it; reload it and apply your change again.").ConfigureAwait(false);
    }

    private static async Task<Results<Ok<RadiologistProfile>, ProblemHttpResult>> GetRadiologistAsync(string id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        if (await reading.Directory.FindRadiologistWithTagAsync(id, ct).ConfigureAwait(false) is not { } found)
        {
            return Problem(404, "Not found", $"Radiologist '{id}' has no profile.");
        }

        ctx.Response.Headers.ETag = found.Tag;
        return TypedResults.Ok(found.Profile);
    }

    /// <summary>
    /// The preconditions of a PUT that replaces a stored document: <c>If-Match</c> saves only over that version (<c>*</c>:
    /// over any existing one), <c>If-None-Match: *</c> only creates; a failed precondition is 412 and nothing changes.
    /// Without either, whatever is stored is replaced (scripts, the demo seeder). The new version's tag goes in <c>ETag</c>;
    /// the answer is the saved <paramref name="document"/>: 201 at <paramref name="location"/> when created, else 200.
    /// </summary>
    private static async Task<Results<Ok<T>, Created<T>, ProblemHttpResult>> SaveWithPreconditionsAsync<T>(HttpContext ctx, string? ifMatch, string? ifNoneMatch,
        T document, string location, Func<Task<string?>> create, Func<string?, Task<string?>> saveOver, string existsDetail, string changedDetail)
    {
        if (ifNoneMatch is not null)
        {
            if (ifNoneMatch.Trim() != "*" || ifMatch is not null)
            {
                return Problem(400, "Invalid precondition", "Only If-None-Match: * (create one that does not exist yet) is supported, and not together with If-Match.");
            }

            if (await create().ConfigureAwait(false) is not { } created)
            {
                return Problem(412, "Already exists", existsDetail, nameof(ReadingError.ConcurrencyConflict));
            }

            ctx.Response.Headers.ETag = created;
            return TypedResults.Created(location, document);
        }

        if (await saveOver(ifMatch?.Trim()).ConfigureAwait(false) is not { } tag)
        {
            return Problem(412, "Changed meanwhile", changedDetail, nameof(ReadingError.ConcurrencyConflict));
        }

        ctx.Response.Headers.ETag = tag;
        return TypedResults.Ok(document);
    }

    /// <summary>
    /// Saves a clinic's contract. With <c>If-Match</c> (the <c>ETag</c> of <c>GET …/clinics/{id}</c>) it is saved only over that
    /// version, else 412 and nothing changes: two operators editing at once cannot silently undo each other's change.
    /// <c>If-Match: *</c> saves only over an existing contract; <c>If-None-Match: *</c> only creates one (201), else 412:
    /// two operators onboarding the same clinic cannot overwrite each other. Without either, whatever is stored is replaced.
    /// </summary>
    private static async Task<Results<Ok<Clinic>, Created<Clinic>, ProblemHttpResult>> UpsertClinicAsync(string id, Clinic clinic, HttpContext ctx,
        ReadingService reading, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, CancellationToken ct)
    {
        if (clinic.Id != id)
        {
            return Problem(400, "Invalid clinic", "The clinic id must match the URL.");
        }

        // The JSON binder lets a missing object through as null despite the non-nullable record properties.
        if (clinic.Contract?.Sla is null)
        {
            return Problem(400, "Invalid clinic", "A contract with its SLA terms is required.");
        }

        if (string.IsNullOrWhiteSpace(clinic.Contract.ContractNumber))
        {
            return Problem(400, "Invalid clinic", "The contract number is required.");
        }

        if (clinic.Contract.Sla.Problems() is { Count: > 0 } problems)
        {
            return Problem(400, "Invalid SLA terms", string.Join(" ", problems));
        }

        return await SaveWithPreconditionsAsync(ctx, ifMatch, ifNoneMatch, clinic, $"/api/reading/clinics/{Uri.EscapeDataString(id)}",
            () => reading.Directory.TryCreateClinicAsync(clinic, ct),
            expected => reading.Directory.TryUpsertClinicAsync(clinic, expected, ct),
            $"Clinic '{id}' already has a reading contract (created meanwhile?); reload it and edit that one.",
            $"Clinic '{id}' was changed (or removed) since you read it; reload it and apply your change again.").ConfigureAwait(false);
    }

    /// <summary>What a new contract starts from in the operator's form: the domain's defaults, 24/7 terms, starting today.</summary>
    private static Ok<ClinicContract> ContractTemplate(TimeProvider clock)
    {
        var terms = SlaTerms.Standard24x7;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(terms.TimeZoneId)).DateTime);
        return TypedResults.Ok(new ClinicContract("", today, terms, RequiresSecondReading: false, RequiresQaCheck: false));
    }

    private static async Task<Results<Ok<Clinic>, ProblemHttpResult>> GetClinicAsync(string id, HttpContext ctx, ReadingService reading, CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        if ((caller.CanSeeClinic(id) ? await reading.Directory.FindClinicWithTagAsync(id, ct).ConfigureAwait(false) : null) is not { } found)
        {
            return Problem(404, "Not found", $"Clinic '{id}' has no reading contract visible to you.");
        }

        ctx.Response.Headers.ETag = found.Tag;
        return TypedResults.Ok(found.Clinic);
    }

    private static bool CanSee(Caller c, ReadingRequest r) => c.Role switch
    {
        Role.Operator => true,
        Role.ClinicUser => c.ClinicId == r.ClinicId,
        _ => r.AssignedRadiologistId == c.UserId || r.SecondReaderId == c.UserId,
    };

    private static Actor ActorOf(Caller c) => new(c.UserId, c.Role switch
    {
        Role.Operator => ActorRole.Operator,
        Role.Radiologist => ActorRole.Radiologist,
        _ => ActorRole.ClinicUser,
    });

    private static ProblemHttpResult NotFound(Guid id) => Problem(404, "Not found", $"Reading request {id} not found.");

    private static ProblemHttpResult Problem(CommandOutcome o) => Problem(o.Error switch
    {
        ReadingError.NotFound => 404,
        ReadingError.NotTheAssignee or ReadingError.NotQualified => 403,
        ReadingError.RadiologistRequired => 400,
        ReadingError.LockedByAnother => 423,
        _ => 409,
    }, o.Error.ToString()!, o.Message!, o.Error.ToString(), o.Error == ReadingError.StudyAlreadyInReading ? o.Request?.Id : null);

    private static ProblemHttpResult Problem(int status, string title, string detail, string? code = null, Guid? requestId = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: code is null ? null
                : requestId is { } existing ? new Dictionary<string, object?> { ["code"] = code, ["requestId"] = existing }
                : new Dictionary<string, object?> { ["code"] = code });
}
