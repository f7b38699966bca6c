using Microsoft.AspNetCore.Http.HttpResults;
using Teleread.Reading.Persistence;
using Teleread.Server.Auth;
using Caller = Teleread.Identity.Caller;
using Role = Teleread.Identity.Role;

namespace Teleread.Server.Apis;

/// <summary>
/// Reading notifications (at risk, overdue, reassigned): operators share one inbox, each radiologist reads and
/// acknowledges only their own. Clinic users have none here (their alerts are delivery's critical findings).
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reading/notifications").RequireAuthorization().WithTags("Reading");
        g.MapGet("", ListAsync);
        g.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync);
        return app;
    }

    private static async Task<Results<Ok<List<ReadingNotification>>, ProblemHttpResult>> ListAsync(HttpContext ctx, NotificationStore store,
        bool? unacknowledged, int? limit, CancellationToken ct)
    {
        if (Inbox(ctx.GetCaller()) is not { } inbox)
        {
            return TypedResults.Problem("Clinic users have no reading notifications.", statusCode: 403, title: "Forbidden");
        }

        var list = await store.ListAsync(inbox.Audience, inbox.RadiologistId, unacknowledged ?? false, Math.Clamp(limit ?? 100, 1, 500), ct).ConfigureAwait(false);
        return TypedResults.Ok(list.ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AcknowledgeAsync(Guid id, HttpContext ctx, NotificationStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = ctx.GetCaller();
        if (Inbox(caller) is not { } inbox)
        {
            return TypedResults.Problem("Clinic users have no reading notifications.", statusCode: 403, title: "Forbidden");
        }

        return await store.AcknowledgeAsync(id, inbox.Audience, inbox.RadiologistId, caller.UserId, clock.GetUtcNow(), ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"Notification {id} not found.", statusCode: 404, title: "Not found");
    }

    private static (NotificationAudience Audience, string? RadiologistId)? Inbox(Caller c) => c.Role switch
    {
        Role.Operator => (NotificationAudience.Operators, null),
        Role.Radiologist => (NotificationAudience.Radiologist, c.UserId),
        _ => null,
    };
}
