using Microsoft.AspNetCore.Mvc;
using Tinjau.Complaints.Contracts;

namespace Tinjau.Complaints.Api.Apis;

/// <summary>The reporter proves it is theirs with the secret given at intake (or by being the signed-in citizen who filed it).</summary>
public sealed record RateRequest(int? Rating, string? Comment, string? Secret);

public sealed record ReopenRequest(string? Reason, string? Secret);

public static class TrackingApi
{
    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/complaints/track/{trackingNumber}").WithTags("Public tracking").AllowAnonymous();
        group.MapGet("/", GetAsync).WithSummary("Status, public history and the answer of a complaint, by tracking number");
        group.MapPost("/rate", RateAsync).WithSummary("The reporter rates the answer (1–5) within the window");
        group.MapPost("/reopen", ReopenAsync).WithSummary("The reporter reopens an answered or finished complaint within the window");
        return app;
    }

    public static async Task<Results<Ok<TrackingView>, ProblemHttpResult>> GetAsync(string trackingNumber,
        [FromHeader(Name = "X-Tracking-Secret")] string? secretHeader, ClaimsPrincipal user, ComplaintsDb db, ComplaintAccess access,
        TimeProvider time, CancellationToken ct)
    {
        var complaint = await FindAsync(db, trackingNumber, tracked: false, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        var view = await ViewAsync(db, complaint, time.GetUtcNow(), ct);
        return TypedResults.Ok(await MayReadContentAsync(complaint, user, secretHeader, access, ct) ? view : Withheld(view));
    }

    /// <summary>
    /// Whether the caller may read a complaint's content by its number: always for a public one; for a rahasia one only
    /// the reporter (secret or account), complaint admins and the units handling it.
    /// </summary>
    internal static async Task<bool> MayReadContentAsync(Complaint c, ClaimsPrincipal user, string? secret, ComplaintAccess access,
        CancellationToken ct) =>
        !c.Confidential || IsReporter(c, user, secret) || ComplaintAccess.IsComplaintAdmin(user) || await access.CanSeeAsUnitAsync(user, c, ct);

    /// <summary>Status and dates only.</summary>
    private static TrackingView Withheld(TrackingView v) => v with
    {
        Category = null,
        Description = null,
        Address = null,
        UnitName = null,
        Answer = null,
        MergedIntoTrackingNumber = null,
        History = v.History.Select(h => h with { Note = null }).ToList(),
        ContentWithheld = true,
    };

    public static async Task<Results<Ok<TrackingView>, ValidationProblem, ProblemHttpResult>> RateAsync(string trackingNumber, RateRequest body,
        [FromHeader(Name = "X-Tracking-Secret")] string? secretHeader, ClaimsPrincipal user, ComplaintsDb db, TimeProvider time, CancellationToken ct)
    {
        if (body.Rating is not (>= 1 and <= 5))
        {
            return Problems.Validation("rating", "A rating from 1 to 5 is required.");
        }
        if (body.Comment is { Length: > 1000 })
        {
            return Problems.Validation("comment", "At most 1000 characters.");
        }
        var complaint = await FindAsync(db, trackingNumber, tracked: true, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        if (!IsReporter(complaint, user, body.Secret ?? secretHeader))
        {
            return Problems.Forbidden("Only the reporter may rate: send the tracking secret given at filing.");
        }
        var now = time.GetUtcNow();
        complaint.Rate(body.Rating.Value, string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, complaint, now, ct));
    }

    public static async Task<Results<Ok<TrackingView>, ValidationProblem, ProblemHttpResult>> ReopenAsync(string trackingNumber, ReopenRequest? body,
        [FromHeader(Name = "X-Tracking-Secret")] string? secretHeader, ClaimsPrincipal user, ComplaintsDb db, ComplaintWorkflow workflow,
        CancellationToken ct)
    {
        if (body?.Reason is { Length: > 2000 })
        {
            return Problems.Validation("reason", "At most 2000 characters.");
        }
        var complaint = await FindAsync(db, trackingNumber, tracked: true, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        if (!IsReporter(complaint, user, body?.Secret ?? secretHeader))
        {
            return Problems.Forbidden("Only the reporter may reopen: send the tracking secret given at filing.");
        }
        var now = workflow.Now;
        ComplaintStateMachine.Next(complaint.Status, ComplaintAction.Reopen);
        complaint.Reopen(string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim(),
            await workflow.FollowUpDueAsync(complaint, now, ct), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, complaint, now, ct));
    }

    private static bool IsReporter(Complaint c, ClaimsPrincipal user, string? secret) =>
        ComplaintIntake.SecretMatches(c, secret) || ComplaintAccess.IsOwner(user, c);

    internal static async Task<Complaint?> FindAsync(ComplaintsDb db, string trackingNumber, bool tracked, CancellationToken ct)
    {
        var number = TrackingNumber.Normalize(trackingNumber);
        if (!TrackingNumber.IsWellFormed(number))
        {
            return null;
        }
        var query = tracked ? db.Complaints : db.Complaints.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.TrackingNumber == number, ct);
    }

    internal static async Task<TrackingView> ViewAsync(ComplaintsDb db, Complaint c, DateTimeOffset now, CancellationToken ct)
    {
        var history = await db.History.AsNoTracking().Where(h => h.ComplaintId == c.Id && h.IsPublic)
            .OrderBy(h => h.Position).ToListAsync(ct);
        string? mergedInto = null;
        if (c.MergedIntoId is { } targetId)
        {
            // A rahasia target is not revealed by number; the page still says the complaint was merged.
            mergedInto = await db.Complaints.AsNoTracking().Where(x => x.Id == targetId && !x.Confidential)
                .Select(x => x.TrackingNumber).FirstOrDefaultAsync(ct);
        }
        var windowOpen = c.Status == ComplaintStatus.Selesai && c.ReopenUntil is { } until && now <= until;
        return new TrackingView(c.TrackingNumber, c.Kind.ToName(), c.Category, c.Description, c.Address, c.Status.ToString(),
            StatusLabels.Of(c.Status), c.UnitName, c.FiledAt, c.UpdatedAt, c.CurrentDeadline, c.Answer, c.AnsweredAt,
            c.ResolvedAt, c.Rating, windowOpen && c.Rating is null, windowOpen || (c.Status == ComplaintStatus.Proses && c.IsAnswered),
            c.ReopenUntil, mergedInto, c.MergedCount,
            history.Select(h => new PublicHistoryView(h.At, h.Action, h.ToStatus.ToString(),
                h.ActorKind switch { ActorKind.Reporter => "pelapor", ActorKind.System => "sistem", _ => "petugas" }, h.Note)).ToList());
    }
}
