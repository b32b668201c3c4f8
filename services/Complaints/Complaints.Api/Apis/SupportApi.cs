using Npgsql;

namespace Tinjau.Complaints.Api.Apis;

/// <summary>An anonymous supporter sends a random key their browser keeps, so that a second click counts once.</summary>
public sealed record SupportRequest(string? SupporterKey);

public sealed record SupportView(string TrackingNumber, int Supporters, bool AlreadySupported, string TrackingUrl);

/// <summary>A public complaint near a point: what a reporter sees before filing ("is this your problem?").</summary>
public sealed record NearbyComplaintView(string TrackingNumber, string Category, string Status, string StatusLabel, DateTimeOffset FiledAt,
    int DistanceMeters, string Excerpt, int Supporters);

/// <summary>
/// "Support it instead": citizens who have the same problem add their voice to an open complaint rather than filing a
/// second one; the count is public and they follow it by its tracking number. <c>GET nearby</c> lists the open,
/// non-rahasia complaints near a point (same rule as duplicate detection: radius and window from
/// <c>Complaints:Duplicates</c>) so the portal can offer them before sending.
/// </summary>
public static class SupportApi
{
    public const int MaxNearby = 5;
    private const int ExcerptLength = 160;

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/api/complaints/track/{trackingNumber}/support").WithTags("Support").AllowAnonymous();
        track.MapPost("/", SupportAsync).WithSummary("Add your support to a complaint instead of filing a second one (once per account or supporter key)");
        track.MapGet("/", CountAsync).WithSummary("How many citizens support a complaint");
        app.MapGet("/api/complaints/nearby", NearbyAsync).WithTags("Support").AllowAnonymous()
            .WithSummary("Open public complaints near a point (probable duplicates before filing)");
        return app;
    }

    private static bool IsClosed(Complaint c) =>
        c.MergedIntoId is not null || c.Status is ComplaintStatus.Diarsipkan or ComplaintStatus.Ditolak or ComplaintStatus.BukanWewenang;

    public static async Task<Results<Ok<SupportView>, ValidationProblem, ProblemHttpResult>> SupportAsync(string trackingNumber,
        SupportRequest? body, ClaimsPrincipal user, ComplaintsDb db, TimeProvider time, CancellationToken ct)
    {
        var complaint = await TrackingApi.FindAsync(db, trackingNumber, tracked: false, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        if (IsClosed(complaint))
        {
            return Problems.Conflict("This complaint is closed (merged, archived, rejected or not our authority) and takes no support.");
        }
        var subject = user.IsInRole(TinjauRoles.Citizen) ? ComplaintAccess.Subject(user) : null;
        var key = body?.SupporterKey?.Trim();
        if (subject is null && key is not { Length: >= 16 and <= 100 })
        {
            return Problems.Validation("supporterKey", "Sign in, or send a random supporter key of 16 to 100 characters that your device keeps.");
        }
        if (subject is not null && complaint.Reporter.CitizenSubject == subject)
        {
            return TypedResults.Ok(await ViewAsync(db, complaint, alreadySupported: true, ct));
        }
        var keyHash = subject is null ? ComplaintIntake.Hash(key!) : null;
        var exists = await db.Supports.AnyAsync(s => s.ComplaintId == complaint.Id
                                                     && (subject != null ? s.CitizenSubject == subject : s.SupporterKeyHash == keyHash), ct);
        if (!exists)
        {
            db.Supports.Add(new ComplaintSupport
            {
                Id = Guid.CreateVersion7(),
                ComplaintId = complaint.Id,
                CitizenSubject = subject,
                SupporterKeyHash = keyHash,
                At = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same supporter clicked twice at once: counted once.
                db.ChangeTracker.Clear();
                exists = true;
            }
        }
        return TypedResults.Ok(await ViewAsync(db, complaint, exists, ct));
    }

    public static async Task<Results<Ok<SupportView>, ProblemHttpResult>> CountAsync(string trackingNumber, ComplaintsDb db, CancellationToken ct)
    {
        var complaint = await TrackingApi.FindAsync(db, trackingNumber, tracked: false, ct);
        return complaint is null
            ? Problems.NotFound($"No complaint with tracking number {trackingNumber}.")
            : TypedResults.Ok(await ViewAsync(db, complaint, alreadySupported: false, ct));
    }

    public static async Task<Results<Ok<List<NearbyComplaintView>>, ValidationProblem>> NearbyAsync(double? lat, double? lon, string? category,
        ComplaintsDb db, IOptions<ComplaintsOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (lat is not { } latitude || lon is not { } longitude || !double.IsFinite(latitude) || !double.IsFinite(longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return Problems.Validation("lat", "Give lat and lon of the point.");
        }
        var o = options.Value.Duplicates;
        var point = new GeoPoint(latitude, longitude);
        var (minLat, maxLat, minLon, maxLon) = DuplicateRule.SearchBox(point, o.RadiusMeters);
        var since = time.GetUtcNow().AddDays(-o.WindowDays);
        var query = db.Complaints.AsNoTracking()
            .Where(c => !c.Confidential && c.MergedIntoId == null && c.FiledAt >= since
                        && c.Status != ComplaintStatus.Diarsipkan && c.Status != ComplaintStatus.Ditolak && c.Status != ComplaintStatus.BukanWewenang
                        && c.Latitude >= minLat && c.Latitude <= maxLat && c.Longitude >= minLon && c.Longitude <= maxLon);
        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(c => c.Category == category);
        }
        var candidates = await query.OrderByDescending(c => c.FiledAt).Take(50).ToListAsync(ct);
        var near = candidates.Select(c => (Complaint: c, Distance: point.DistanceMetersTo(c.Location!.Value)))
            .Where(x => x.Distance <= o.RadiusMeters).OrderBy(x => x.Distance).Take(MaxNearby).ToList();
        var ids = near.Select(x => x.Complaint.Id).ToList();
        var counts = await db.Supports.AsNoTracking().Where(s => ids.Contains(s.ComplaintId)).GroupBy(s => s.ComplaintId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(near.Select(x => new NearbyComplaintView(x.Complaint.TrackingNumber, x.Complaint.Category,
            x.Complaint.Status.ToString(), StatusLabels.Of(x.Complaint.Status), x.Complaint.FiledAt, (int)Math.Round(x.Distance),
            Excerpt(x.Complaint.Description), counts.GetValueOrDefault(x.Complaint.Id))).ToList());
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";

    private static async Task<SupportView> ViewAsync(ComplaintsDb db, Complaint c, bool alreadySupported, CancellationToken ct) =>
        new(c.TrackingNumber, await db.Supports.CountAsync(s => s.ComplaintId == c.Id, ct), alreadySupported,
            $"/api/complaints/track/{c.TrackingNumber}");
}
