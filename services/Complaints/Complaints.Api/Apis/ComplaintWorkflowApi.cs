namespace Tinjau.Complaints.Api.Apis;

public sealed record NoteRequest(string? Note);

public sealed record ReasonRequest(string? Reason);

public sealed record DisposeRequest(Guid? UnitId, string? Reason);

public sealed record CoordinateRequest(Guid? ResponsibleUnitId, List<Guid>? CoordinatingUnitIds, string? Note);

public sealed record AnswerRequest(string? Answer);

public sealed record MergeRequest(Guid? TargetId);

/// <summary>
/// Staff actions: POST /api/complaints/{id}/{action}. Each answers 200 with the complaint, 400 for bad input, 403 when
/// the caller's role may not, 404 when the complaint is unknown or invisible to the caller, 409 when the complaint's
/// status does not allow the action.
/// </summary>
public static class ComplaintWorkflowApi
{
    public static IEndpointRouteBuilder MapComplaintWorkflowApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/complaints/{id:guid}").WithTags("Complaint workflow").RequireAuthorization(Policies.Staff);

        group.MapPost("/verify", (Guid id, NoteRequest? body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, (c, by, at) => Ok(() => c.Verify(by, at, body?.Note))));

        group.MapPost("/reject", (Guid id, ReasonRequest? body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, (c, by, at) => Required(body?.Reason, "reason", r => c.Reject(r, by, at))));

        group.MapPost("/postpone", (Guid id, ReasonRequest? body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, (c, by, at) => Required(body?.Reason, "reason", r => c.Postpone(r, by, at))));

        group.MapPost("/not-our-authority", (Guid id, ReasonRequest? body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, (c, by, at) => Required(body?.Reason, "reason", r => c.DeclareNotOurAuthority(r, by, at))));

        group.MapPost("/archive", (Guid id, ReasonRequest? body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, (c, by, at) => Ok(() => c.Archive(body?.Reason, by, at))));

        group.MapPost("/coordinate", (Guid id, CoordinateRequest body, Ctx ctx) =>
            ctx.Run(id, Permission.AdminOrUnit, async (c, by, at) =>
            {
                var ids = body.CoordinatingUnitIds ?? [];
                if (ids.Count == 0 && body.ResponsibleUnitId is null)
                {
                    return Error("coordinatingUnitIds", "Name the units that coordinate (and optionally the responsible one).");
                }
                UnitRef? responsible = null;
                if (body.ResponsibleUnitId is { } rid && (responsible = await ctx.Workflow.FindUnitAsync(rid, ctx.Ct)) is null)
                {
                    return Error("responsibleUnitId", "Unknown unit.");
                }
                foreach (var uid in ids)
                {
                    if (await ctx.Workflow.FindUnitAsync(uid, ctx.Ct) is null)
                    {
                        return Error("coordinatingUnitIds", $"Unknown unit {uid}.");
                    }
                }
                c.Coordinate(responsible, ids, body.Note, by, at);
                return null;
            }));

        group.MapPost("/dispose", (Guid id, DisposeRequest body, Ctx ctx) =>
            ctx.Run(id, Permission.AdminOrUnit, async (c, by, at) =>
            {
                if (string.IsNullOrWhiteSpace(body.Reason))
                {
                    return Error("reason", "A disposition needs a reason.");
                }
                var unitId = body.UnitId ?? c.UnitId;
                if (unitId is null)
                {
                    return Error("unitId", "The complaint has no unit yet: name the unit to dispose it to.");
                }
                var unit = await ctx.Workflow.FindUnitAsync(unitId.Value, ctx.Ct);
                if (unit is null)
                {
                    return Error("unitId", "Unknown unit.");
                }
                ComplaintStateMachine.Next(c.Status, ComplaintAction.Dispose); // 409 before asking the calendar
                c.Dispose(unit, body.Reason.Trim(), await ctx.Workflow.FollowUpDueAsync(c, unit, at, ctx.Ct), by, at);
                return null;
            }));

        group.MapPost("/start", (Guid id, Ctx ctx) =>
            ctx.Run(id, Permission.AdminOrUnit, (c, by, at) => Ok(() => c.Start(by, at))));

        group.MapPost("/answer", (Guid id, AnswerRequest body, Ctx ctx) =>
            ctx.Run(id, Permission.AdminOrUnit, async (c, by, at) =>
            {
                if (string.IsNullOrWhiteSpace(body.Answer) || body.Answer.Length > 4000)
                {
                    return Error("answer", "An answer of 1 to 4000 characters is required.");
                }
                ComplaintStateMachine.Next(c.Status, ComplaintAction.Answer);
                c.RecordAnswer(body.Answer.Trim(), await ctx.Workflow.AutoCloseAtAsync(c, at, ctx.Ct), by, at);
                return null;
            }));

        group.MapPost("/confirm", (Guid id, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, async (c, by, at) =>
            {
                ComplaintStateMachine.Next(c.Status, ComplaintAction.Confirm);
                await ctx.Workflow.ResolveAsync(c, by, at, automatically: false, ctx.Ct);
                return null;
            }));

        group.MapPost("/merge", (Guid id, MergeRequest body, Ctx ctx) =>
            ctx.Run(id, Permission.Admin, async (c, by, at) =>
            {
                if (body.TargetId is not { } targetId)
                {
                    return Error("targetId", "Name the complaint to merge into.");
                }
                var target = await ctx.Db.Complaints.FirstOrDefaultAsync(x => x.Id == targetId, ctx.Ct);
                if (target is null)
                {
                    return Error("targetId", "Unknown complaint.");
                }
                c.MergeInto(target, by, at);
                return null;
            }));

        return app;
    }

    private static Task<Dictionary<string, string[]>?> Ok(Action act)
    {
        act();
        return Task.FromResult<Dictionary<string, string[]>?>(null);
    }

    private static Task<Dictionary<string, string[]>?> Required(string? value, string field, Action<string> act)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2000)
        {
            return Task.FromResult(Error(field, "Required, at most 2000 characters."));
        }
        act(value.Trim());
        return Task.FromResult<Dictionary<string, string[]>?>(null);
    }

    private static Dictionary<string, string[]>? Error(string field, string message) => new() { [field] = [message] };

    /// <summary>What every action handler needs, bound from DI and the request.</summary>
    public sealed class Ctx(ComplaintWorkflow workflow, ComplaintsDb db, ComplaintAccess access, IHttpContextAccessor http)
    {
        public ComplaintWorkflow Workflow => workflow;
        public ComplaintsDb Db => db;
        public CancellationToken Ct => http.HttpContext?.RequestAborted ?? CancellationToken.None;
        private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

        public async Task<Results<Ok<ComplaintView>, ValidationProblem, ProblemHttpResult>> Run(Guid id, Permission permission,
            Func<Complaint, Actor, DateTimeOffset, Task<Dictionary<string, string[]>?>> change)
        {
            var outcome = await workflow.ActAsync(id, User, permission, change, Ct);
            return outcome switch
            {
                WorkflowOutcome.Done d => TypedResults.Ok(ComplaintView.From(d.Complaint, await access.CanSeeReporterAsync(User, d.Complaint, Ct))),
                WorkflowOutcome.Invalid i => Problems.Validation(i.Errors),
                WorkflowOutcome.Forbidden f => Problems.Forbidden(f.Detail),
                _ => Problems.NotFound($"No complaint {id} that you may see."),
            };
        }
    }
}
