using Microsoft.AspNetCore.Mvc;

namespace Tinjau.Complaints.Api.Apis;

public sealed record ReporterInput(string? Name, string? Email, string? Phone);

/// <summary>POST /api/complaints. Only <c>category</c>, <c>description</c> and a location (or, for information requests, nothing) are required.</summary>
public sealed record FileComplaintRequest(
    string? Kind,
    string? Category,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? Address,
    List<string>? MediaUrls,
    string? Channel,
    string? ChannelReference,
    bool? Anonymous,
    bool? Confidential,
    ReporterInput? Reporter,
    Guid? UnitId);

/// <summary>
/// The answer to intake. <see cref="TrackingSecret"/> is shown once (and again on an idempotent retry): with the
/// tracking number it lets the reporter rate or reopen without an account.
/// </summary>
public sealed record FiledComplaintResponse(
    Guid Id,
    string TrackingNumber,
    string? TrackingSecret,
    string Status,
    UnitView? Unit,
    DateTimeOffset FiledAt,
    DateTimeOffset VerificationDueAt,
    string TrackingUrl);

/// <summary>
/// A page of complaints. <see cref="Total"/> counts the matches up to <see cref="ComplaintPage.MaxTotal"/>; past it
/// <see cref="TotalCapped"/> is true and the pages go on (a city's years of complaints are not counted on every view).
/// </summary>
public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, int Page, int PageSize, int Total, bool TotalCapped = false)
{
    public const int MaxTotal = 10_000;
}

public sealed record DuplicateView(ComplaintSummary Complaint, ComplaintSummary ProbableOriginal);

public static class ComplaintsApi
{
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/complaints").WithTags("Complaints");

        group.MapPost("/", FileAsync).AllowAnonymous().WithName("FileComplaint")
            .WithSummary("File a complaint from any channel (anonymous; Idempotency-Key makes retries safe)");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Authenticated)
            .WithSummary("Complaints the caller may see: city-wide roles all, unit staff their unit, unit heads their subtree, citizens their own");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Authenticated);
        group.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(Policies.Authenticated)
            .WithSummary("Full history for staff who may see the complaint; public steps only for the reporter");
        group.MapGet("/duplicates", DuplicatesAsync).RequireAuthorization(Policies.ComplaintAdmin)
            .WithSummary("Open complaints flagged as probable duplicates, with the complaint they probably repeat");
        return app;
    }

    public static async Task<Results<Created<FiledComplaintResponse>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileComplaintRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, ComplaintIntake intake, CancellationToken ct)
    {
        var citizen = user.IsInRole(TinjauRoles.Citizen) ? ComplaintAccess.Subject(user) : null;
        var outcome = await intake.FileAsync(new IntakeCommand(request.Kind, request.Category, request.Description, request.Latitude,
            request.Longitude, request.Address, request.MediaUrls, request.Channel, request.ChannelReference, request.Anonymous ?? false,
            request.Confidential ?? false, request.Reporter?.Name, request.Reporter?.Email, request.Reporter?.Phone, request.UnitId, citizen),
            idempotencyKey, ct);
        return outcome switch
        {
            IntakeOutcome.Filed f => TypedResults.Created($"/api/complaints/track/{f.Result.Complaint.TrackingNumber}", Filed(f.Result)),
            IntakeOutcome.Invalid i => Problems.Validation(i.Errors),
            IntakeOutcome.KeyReused k => Problems.Unprocessable(k.Detail),
            _ => throw new InvalidOperationException(),
        };
    }

    internal static FiledComplaintResponse Filed(IntakeResult r) => new(r.Complaint.Id, r.Complaint.TrackingNumber, r.TrackingSecret,
        r.Complaint.Status.ToString(), r.Complaint.UnitId is { } u ? new UnitView(u, r.Complaint.UnitName) : null,
        r.Complaint.FiledAt, r.Complaint.VerificationDueAt, $"/api/complaints/track/{r.Complaint.TrackingNumber}");

    public static async Task<Results<Ok<ComplaintPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ComplaintsDb db, ComplaintAccess access, IOptions<ComplaintsOptions> options, CancellationToken ct,
        string? status = null, Guid? unitId = null, string? category = null, string? channel = null,
        string? from = null, string? to = null, int page = 1, int pageSize = 50, string? trackingNumber = null,
        string? dueBefore = null, string? dueFrom = null, bool mine = false, string? order = null)
    {
        var errors = new FieldErrors();
        // Dates are days in the city's time zone; instants with an offset are taken as they are.
        var zone = IndonesianTimeZones.Find(options.Value.City.TimeZone);
        if (!LocalDates.TryParseBound(from, zone, isEnd: false, out var fromBound))
        {
            errors.Add("from", "A date (yyyy-MM-dd, in the city's time zone) or an instant with an offset.");
        }
        if (!LocalDates.TryParseBound(to, zone, isEnd: true, out var toBound))
        {
            errors.Add("to", "A date (yyyy-MM-dd, in the city's time zone) or an instant with an offset.");
        }
        // The deadline running now, before or from an instant (or a day in the city's time zone).
        if (!LocalDates.TryParseBound(dueBefore, zone, isEnd: false, out var dueBeforeBound))
        {
            errors.Add("dueBefore", "A date (yyyy-MM-dd, in the city's time zone) or an instant with an offset.");
        }
        if (!LocalDates.TryParseBound(dueFrom, zone, isEnd: false, out var dueFromBound))
        {
            errors.Add("dueFrom", "A date (yyyy-MM-dd, in the city's time zone) or an instant with an offset.");
        }
        ComplaintStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<ComplaintStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                statusFilter = s;
            }
            else
            {
                errors.Add("status", $"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<ComplaintStatus>())}.");
            }
        }
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }
        if (pageSize is < 1 or > 200)
        {
            errors.Add("pageSize", "Between 1 and 200.");
        }
        if (order is not (null or "filed" or "due"))
        {
            errors.Add("order", "filed (newest first, the default) or due (the running deadline soonest first).");
        }
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var query = db.Complaints.AsNoTracking();
        if (mine)
        {
            // The caller's own reports whatever their role: only citizen accounts file under their subject, so an
            // officer's "my reports" is empty rather than their unit's inbox.
            var own = user.IsInRole(TinjauRoles.Citizen) ? ComplaintAccess.Subject(user) : null;
            query = query.Where(c => own != null && c.Reporter.CitizenSubject == own);
        }
        else if (ComplaintAccess.IsCityWideReader(user))
        {
            // all complaints
        }
        else if (ComplaintAccess.IsUnitMember(user))
        {
            var scope = (await access.UnitScopeAsync(user, ct)).ToList();
            query = query.Where(c => (c.UnitId != null && scope.Contains(c.UnitId.Value))
                                     || (c.EscalatedToUnitId != null && scope.Contains(c.EscalatedToUnitId.Value))
                                     || c.CoordinatingUnitIds.Any(u => scope.Contains(u)));
        }
        else if (user.IsInRole(TinjauRoles.Citizen) && ComplaintAccess.Subject(user) is { } sub)
        {
            query = query.Where(c => c.Reporter.CitizenSubject == sub);
        }
        else
        {
            return Problems.Forbidden("This role does not see complaints.");
        }

        if (statusFilter is { } sf)
        {
            query = query.Where(c => c.Status == sf);
        }
        if (unitId is { } uid)
        {
            query = query.Where(c => c.UnitId == uid);
        }
        if (!string.IsNullOrWhiteSpace(trackingNumber))
        {
            var number = TrackingNumber.Normalize(trackingNumber);
            query = query.Where(c => c.TrackingNumber == number);
        }
        if (dueBeforeBound is { } dueBeforeAt)
        {
            query = query.DueBefore(dueBeforeAt);
        }
        if (dueFromBound is { } dueFromAt)
        {
            query = query.DueFrom(dueFromAt);
        }
        if (category is not null)
        {
            query = query.Where(c => c.Category == category);
        }
        if (channel is not null)
        {
            query = query.Where(c => c.Channel == channel);
        }
        if (fromBound is { } f)
        {
            query = query.Where(c => c.FiledAt >= f);
        }
        if (toBound is { } t)
        {
            query = query.Where(c => c.FiledAt < t);
        }
        var total = await query.Take(ComplaintPage.MaxTotal + 1).CountAsync(ct);
        var ordered = order == "due" ? query.OrderByRunningDeadline() : query.OrderByDescending(c => c.FiledAt);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new ComplaintPage(items.Select(Summary).ToList(), page, pageSize, Math.Min(total, ComplaintPage.MaxTotal),
            total > ComplaintPage.MaxTotal));
    }

    internal static ComplaintSummary Summary(Complaint c) => new(c.Id, c.TrackingNumber, c.Kind.ToName(), c.Category, c.Channel,
        c.Status.ToString(), c.UnitId, c.UnitName, c.Anonymous, c.Confidential, c.FiledAt, c.UpdatedAt, c.CurrentDeadline,
        c.ProbableDuplicateOfId);

    public static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, ComplaintsDb db,
        ComplaintAccess access, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !await access.CanReadAsync(user, complaint, ct))
        {
            return Problems.NotFound($"No complaint {id} that you may see.");
        }
        return TypedResults.Ok(ComplaintView.From(complaint, await access.CanSeeReporterAsync(user, complaint, ct)));
    }

    public static async Task<Results<Ok<List<HistoryView>>, ProblemHttpResult>> HistoryAsync(Guid id, ClaimsPrincipal user, ComplaintsDb db,
        ComplaintAccess access, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !await access.CanReadAsync(user, complaint, ct))
        {
            return Problems.NotFound($"No complaint {id} that you may see.");
        }
        var staff = ComplaintAccess.IsCityWideReader(user) || await access.CanSeeAsUnitAsync(user, complaint, ct);
        var entries = await db.History.AsNoTracking().Where(h => h.ComplaintId == id && (staff || h.IsPublic))
            .OrderBy(h => h.Position).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(h => HistoryView.From(h, staff)).ToList());
    }

    public static async Task<Ok<List<DuplicateView>>> DuplicatesAsync(ComplaintsDb db, CancellationToken ct, int limit = 100)
    {
        limit = Math.Clamp(limit, 1, 500);
        var flagged = await db.Complaints.AsNoTracking()
            .Where(c => c.ProbableDuplicateOfId != null && c.MergedIntoId == null
                        && c.Status != ComplaintStatus.Diarsipkan && c.Status != ComplaintStatus.Ditolak)
            .OrderByDescending(c => c.FiledAt).Take(limit).ToListAsync(ct);
        var originalIds = flagged.Select(c => c.ProbableDuplicateOfId!.Value).Distinct().ToList();
        var originals = await db.Complaints.AsNoTracking().Where(c => originalIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return TypedResults.Ok(flagged.Where(c => originals.ContainsKey(c.ProbableDuplicateOfId!.Value))
            .Select(c => new DuplicateView(Summary(c), Summary(originals[c.ProbableDuplicateOfId!.Value]))).ToList());
    }
}
