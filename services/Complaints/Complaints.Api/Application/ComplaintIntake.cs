using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Tinjau.Complaints.Api.Application;

/// <summary>What any channel hands in (REST, Open311, a walk-in desk's form).</summary>
public sealed record IntakeCommand(
    string? Kind,
    string? Category,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? Address,
    IReadOnlyList<string>? MediaUrls,
    string? Channel,
    string? ChannelReference,
    bool Anonymous,
    bool Confidential,
    string? ReporterName,
    string? ReporterEmail,
    string? ReporterPhone,
    Guid? UnitId,
    string? CitizenSubject);

public sealed record IntakeResult(Complaint Complaint, string? TrackingSecret, bool Replayed);

public abstract record IntakeOutcome
{
    public sealed record Filed(IntakeResult Result) : IntakeOutcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : IntakeOutcome;
    public sealed record KeyReused(string Detail) : IntakeOutcome;
}

/// <summary>
/// Files a complaint: validates, routes a geotagged one to the kelurahan containing it, sets the verification
/// deadline, flags a probable duplicate, and stores complaint, history, outbox row and read model in one
/// transaction. An Idempotency-Key makes a retried submission return the first complaint.
/// </summary>
public sealed class ComplaintIntake(
    ComplaintsDb db,
    IUnitRegistryClient registry,
    KelurahanSnapshot kelurahan,
    SlaClock sla,
    TrackingSecrets secrets,
    TimeProvider time,
    IOptions<ComplaintsOptions> options,
    ILogger<ComplaintIntake> logger)
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxIdempotencyKeyLength = 200;
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    public async Task<IntakeOutcome> FileAsync(IntakeCommand cmd, string? idempotencyKey, CancellationToken ct)
    {
        var o = options.Value;
        var errors = Validate(cmd, idempotencyKey, o, out var kind, out var channel, out var location);

        UnitRef? unit = null;
        var registryDown = false;
        if (!errors.Any && cmd.UnitId is { } unitId)
        {
            try
            {
                unit = await registry.GetUnitAsync(unitId, ct) is { } info ? ToRef(info) : null;
                if (unit is null)
                {
                    errors.Add("unitId", "No unit with this id is known to the unit registry.");
                }
            }
            catch (UnitRegistryUnavailableException ex)
            {
                // Cannot check the unit now: file it unrouted rather than refuse the citizen.
                logger.LogWarning(ex, "Unit registry unavailable (get unit); the complaint is filed without a unit");
                registryDown = true;
            }
        }
        if (errors.Any)
        {
            return new IntakeOutcome.Invalid(errors.ToDictionary());
        }

        var requestHash = Hash(JsonSerializer.Serialize(cmd, HashJson));
        if (idempotencyKey is not null)
        {
            var replay = await ReplayAsync(idempotencyKey, requestHash, ct);
            if (replay is not null)
            {
                return replay;
            }
        }

        var reason = "Dikirim ke unit yang dipilih di loket.";
        if (unit is null && !registryDown && location is { } point)
        {
            // The local copy first; the registry only for a point the copy has no kelurahan for (or before it is loaded).
            var (located, down) = kelurahan.Locate(point) is { } near
                ? (near, false)
                : await TryAsync(() => registry.LocateKelurahanAsync(point.Latitude, point.Longitude, ct), "locate kelurahan");
            registryDown = down;
            if (located is not null)
            {
                unit = ToRef(located);
                reason = RoutingNotes.Located(located.Name);
            }
        }

        var now = time.GetUtcNow();
        var timeZone = unit?.TimeZone ?? o.City.TimeZone;
        var rules = sla.RulesFor(kind, unit?.Code);
        // A registry that just failed (or timed out) is not asked again for the calendar: one wait per intake at most.
        var verificationDue = await sla.DueAtAsync(unit?.Id, timeZone, now, rules.VerificationWorkingDays, ct, askRegistry: !registryDown);
        var secret = secrets.For(idempotencyKey, requestHash);
        var intake = new Complaint.Intake(kind, o.FindCategory(cmd.Category)!.Code, cmd.Description!.Trim(), location,
            cmd.Address.Trimmed(), cmd.MediaUrls ?? [], channel, cmd.ChannelReference.Trimmed(), cmd.Anonymous, cmd.Confidential,
            new Reporter
            {
                Name = cmd.ReporterName.Trimmed(),
                Email = cmd.ReporterEmail.Trimmed(),
                Phone = cmd.ReporterPhone.Trimmed(),
                CitizenSubject = cmd.CitizenSubject,
            });

        var original = location is { } p ? await FindOriginalAsync(intake.Category, p, now, o.Duplicates, ct) : null;

        for (var attempt = 1; ; attempt++)
        {
            var complaint = Complaint.File(intake, TrackingNumber.New(o.TrackingPrefix), Hash(secret), timeZone, verificationDue, now);
            if (unit is not null)
            {
                complaint.RouteTo(unit, reason, Actor.System, now);
            }
            if (original is not null)
            {
                complaint.FlagProbableDuplicateOf(original, now);
            }
            db.Complaints.Add(complaint);
            if (idempotencyKey is not null)
            {
                db.IntakeRequests.Add(new IntakeRequest(idempotencyKey, requestHash, complaint.Id, now));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Complaint {TrackingNumber} filed via {Channel}, category {Category}, unit {UnitId}",
                    complaint.TrackingNumber, channel, complaint.Category, complaint.UnitId);
                return new IntakeOutcome.Filed(new IntakeResult(complaint, secret, Replayed: false));
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
            {
                db.ChangeTracker.Clear();
                if (idempotencyKey is not null && pg.ConstraintName?.Contains("intake_requests", StringComparison.OrdinalIgnoreCase) == true)
                {
                    // The same submission raced us and won: answer with its complaint.
                    return await ReplayAsync(idempotencyKey, requestHash, ct)
                        ?? throw new InvalidOperationException("Idempotency key vanished after a conflict.");
                }
                if (attempt >= 5)
                {
                    throw;
                }
                // A tracking number collided: draw another.
            }
        }
    }

    private async Task<IntakeOutcome?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var seen = await db.IntakeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (seen is null)
        {
            return null;
        }
        if (seen.RequestHash != requestHash)
        {
            return new IntakeOutcome.KeyReused("This Idempotency-Key was already used for a different complaint.");
        }
        var complaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.Id == seen.ComplaintId, ct);
        return new IntakeOutcome.Filed(new IntakeResult(complaint, secrets.For(key, requestHash), Replayed: true));
    }

    private async Task<Complaint?> FindOriginalAsync(string category, GeoPoint p, DateTimeOffset now, DuplicateOptions options, CancellationToken ct)
    {
        var (minLat, maxLat, minLon, maxLon) = DuplicateRule.SearchBox(p, options.RadiusMeters);
        var since = now.AddDays(-options.WindowDays);
        var nearby = await db.Complaints
            .Where(c => c.Category == category && c.FiledAt >= since && c.MergedIntoId == null
                        && c.Latitude >= minLat && c.Latitude <= maxLat && c.Longitude >= minLon && c.Longitude <= maxLon)
            .OrderBy(c => c.FiledAt)
            .Take(50)
            .ToListAsync(ct);
        var best = DuplicateRule.FindOriginal(category, p, now,
            nearby.Select(c => new DuplicateRule.Candidate(c.Id, c.Category, c.Location!.Value, c.FiledAt, c.Status)), options);
        return best is null ? null : nearby.First(c => c.Id == best.Id);
    }

    private static FieldErrors Validate(IntakeCommand cmd, string? idempotencyKey, ComplaintsOptions o,
        out ComplaintKind kind, out string channel, out GeoPoint? location)
    {
        var errors = new FieldErrors();
        location = null;

        kind = ComplaintKind.Pengaduan;
        if (cmd.Kind is not null && !ComplaintKinds.TryParse(cmd.Kind, out kind))
        {
            errors.Add("kind", $"Unknown kind '{cmd.Kind}'. Use one of: {string.Join(", ", ComplaintKinds.Names)}.");
        }

        if (string.IsNullOrWhiteSpace(cmd.Category))
        {
            errors.Add("category", "A category is required.");
        }
        else if (o.FindCategory(cmd.Category) is null)
        {
            errors.Add("category", $"Unknown category '{cmd.Category}'. GET /open311/v2/services.json lists them.");
        }

        if (string.IsNullOrWhiteSpace(cmd.Description))
        {
            errors.Add("description", "A description is required.");
        }
        else if (cmd.Description.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"The description has {cmd.Description.Length} characters; at most {MaxDescriptionLength} are allowed.");
        }

        channel = ComplaintChannels.Web;
        if (cmd.Channel is not null && !ComplaintChannels.TryNormalize(cmd.Channel, out channel))
        {
            errors.Add("channel", $"Unknown channel '{cmd.Channel}'. Use one of: {string.Join(", ", ComplaintChannels.Names)}.");
        }
        if (cmd.ChannelReference is { Length: > 200 })
        {
            errors.Add("channelReference", "At most 200 characters.");
        }

        if (cmd.Latitude is null != cmd.Longitude is null)
        {
            errors.Add(cmd.Latitude is null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
        }
        else if (cmd.Latitude is { } lat && cmd.Longitude is { } lon)
        {
            var p = new GeoPoint(lat, lon);
            if (!double.IsFinite(lat) || !double.IsFinite(lon) || !o.City.BoundingBox.Contains(p))
            {
                errors.Add("latitude", FormattableString.Invariant(
                    $"The point ({lat}, {lon}) is outside {o.City.Name} (latitude {o.City.BoundingBox.MinLatitude}..{o.City.BoundingBox.MaxLatitude}, longitude {o.City.BoundingBox.MinLongitude}..{o.City.BoundingBox.MaxLongitude})."));
                errors.Add("longitude", "The point is outside the city.");
            }
            else
            {
                location = p;
            }
        }
        if (cmd.Address is { Length: > 500 })
        {
            errors.Add("address", "At most 500 characters.");
        }
        if (kind != ComplaintKind.PermintaanInformasi && cmd.Latitude is null && string.IsNullOrWhiteSpace(cmd.Address))
        {
            errors.Add("location", "Give the location as latitude and longitude, or as an address.");
        }

        var media = cmd.MediaUrls ?? [];
        if (media.Count > 10)
        {
            errors.Add("mediaUrls", "At most 10 media links.");
        }
        for (var i = 0; i < media.Count; i++)
        {
            if (media[i] is not { Length: <= 1000 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"mediaUrls[{i}]", "Must be an absolute http(s) link of at most 1000 characters.");
            }
        }

        if (cmd.ReporterName is { Length: > 200 })
        {
            errors.Add("reporter.name", "At most 200 characters.");
        }
        if (cmd.ReporterEmail is { } email && !string.IsNullOrWhiteSpace(email)
            && (email.Length > 200 || !email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add("reporter.email", "Not an e-mail address.");
        }
        if (cmd.ReporterPhone is { } phone && !string.IsNullOrWhiteSpace(phone)
            && (phone.Length > 40 || !phone.All(ch => char.IsDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add("reporter.phone", "Not a phone number.");
        }
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength } || idempotencyKey is { Length: 0 })
        {
            errors.Add("Idempotency-Key", $"The Idempotency-Key header must have 1 to {MaxIdempotencyKeyLength} characters.");
        }
        return errors;
    }

    private async Task<(T? Answer, bool RegistryDown)> TryAsync<T>(Func<Task<T?>> call, string what) where T : class
    {
        try
        {
            return (await call(), false);
        }
        catch (UnitRegistryUnavailableException ex)
        {
            // Intake must not fail because the registry is down: the complaint waits unrouted for an admin.
            logger.LogWarning(ex, "Unit registry unavailable ({What}); the complaint is filed without a unit", what);
            return (null, true);
        }
    }

    internal static UnitRef ToRef(UnitInfo u) => new(u.Id, u.Name, u.Code, u.TimeZone);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static bool SecretMatches(Complaint c, string? secret) =>
        secret is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(secret.Trim())), Encoding.ASCII.GetBytes(c.TrackingSecretHash));
}
