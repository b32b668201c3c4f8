using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tinjau.Complaints.Api.Application;

/// <summary>A complaint as Open311 shows it: with the address of its first stored photo, and whether its content may be shown.</summary>
public sealed record Open311Found(Complaint Complaint, string? PhotoUrl, bool Full = true);

/// <summary>
/// What the Open311 GeoReport v2 endpoints ask of the complaints: the intake command a POST form makes, the public
/// search of <c>GET requests</c> (never a rahasia complaint), one request by number (a rahasia one in full only to
/// its reporter or an officer who may handle it), a token's number. Errors are the spec's descriptions.
/// </summary>
public sealed class Open311Requests(ComplaintsDb db, ComplaintAccess access, TimeProvider time, IOptions<ComplaintsOptions> options)
{
    public const int MaxRangeDays = 90;
    public const int MaxResults = 1000;

    /// <summary>The intake command of a GeoReport v2 POST form, or the first thing wrong with the form.</summary>
    public static (IntakeCommand? Command, string? Error) IntakeOf(IFormCollection form, ClaimsPrincipal user)
    {
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        if (F("service_code") is null)
        {
            return (null, "service_code is required");
        }
        double? lat = null, lon = null;
        if (F("lat") is { } latText)
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return (null, "lat is not a number");
            }
            lat = v;
        }
        if (F("long") is { } lonText)
        {
            if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return (null, "long is not a number");
            }
            lon = v;
        }
        if (lat is null && lon is null && F("address_string") is null && F("address_id") is null)
        {
            return (null, "a location is required: lat and long, address_string or address_id");
        }
        var name = string.Join(' ', new[] { F("first_name"), F("last_name") }.Where(s => s is not null));
        var media = F("media_url") is { } m ? new List<string> { m } : [];
        return (new IntakeCommand(null, F("service_code"), F("description"), lat, lon, F("address_string") ?? F("address_id"), media,
            ComplaintChannels.Open311, F("device_id") is { } device ? $"device:{device}" : null,
            Flag(F("attribute[anonim]")), Flag(F("attribute[rahasia]")),
            name.Length > 0 ? name : null, F("email"), F("phone"), null,
            user.IsInRole(TinjauRoles.Citizen) ? ComplaintAccess.Subject(user) : null), null);
    }

    /// <summary><c>GET requests</c>: public complaints by number, or filed in a range of at most 90 days; by category and status.</summary>
    public async Task<(IReadOnlyList<Open311Found> Found, string? Error)> SearchAsync(IQueryCollection q, string publicBase, CancellationToken ct)
    {
        var query = db.Complaints.AsNoTracking().Where(c => !c.Confidential);
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var numbers = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(TrackingNumber.Normalize).Take(MaxResults).ToList();
            query = query.Where(c => numbers.Contains(c.TrackingNumber));
        }
        else
        {
            // A date without a time is that day in the city's time zone (WIB), as everywhere else.
            var zone = IndonesianTimeZones.Find(options.Value.City.TimeZone);
            if (!LocalDates.TryParseBound(q["start_date"].ToString(), zone, isEnd: false, out var start))
            {
                return ([], "start_date is not a w3c datetime");
            }
            if (!LocalDates.TryParseBound(q["end_date"].ToString(), zone, isEnd: true, out var end))
            {
                return ([], "end_date is not a w3c datetime");
            }
            var to = end ?? (start?.AddDays(MaxRangeDays) ?? time.GetUtcNow());
            var from = start ?? to.AddDays(-MaxRangeDays);
            if (from > to)
            {
                return ([], "start_date is after end_date");
            }
            if (to - from > TimeSpan.FromDays(MaxRangeDays))
            {
                return ([], $"start_date and end_date may be at most {MaxRangeDays} days apart");
            }
            query = query.Where(c => c.FiledAt >= from && c.FiledAt <= to);
        }
        if (q["service_code"].ToString() is { Length: > 0 } codes)
        {
            var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            query = query.Where(c => list.Contains(c.Category));
        }
        if (q["status"].ToString() is { Length: > 0 } statusText)
        {
            var statuses = new List<ComplaintStatus>();
            foreach (var part in statusText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Open311Status.StatusesFor(part) is not { } s)
                {
                    return ([], $"status '{part}' is not open or closed");
                }
                statuses.AddRange(s);
            }
            query = query.Where(c => statuses.Contains(c.Status));
        }
        var complaints = await query.OrderByDescending(c => c.FiledAt).Take(MaxResults).ToListAsync(ct);
        var photos = await FirstPhotosAsync(complaints, publicBase, ct);
        return ([.. complaints.Select(c => new Open311Found(c, photos.GetValueOrDefault(c.Id)))], null);
    }

    /// <summary>
    /// One request by its number. A rahasia complaint shows its status and dates only, unless the caller is its reporter
    /// (<paramref name="trackingSecret"/> or the citizen's token) or an officer who may handle it.
    /// </summary>
    public async Task<Open311Found?> FindAsync(string id, ClaimsPrincipal user, string? trackingSecret, string publicBase, CancellationToken ct)
    {
        var complaint = await TrackingApi.FindAsync(db, id, tracked: false, ct);
        if (complaint is null)
        {
            return null;
        }
        var photos = await FirstPhotosAsync([complaint], publicBase, ct);
        var full = await TrackingApi.MayReadContentAsync(complaint, user, trackingSecret, access, ct);
        return new Open311Found(complaint, photos.GetValueOrDefault(complaint.Id), full);
    }

    /// <summary>The tracking number of the complaint whose id is <paramref name="token"/>.</summary>
    public async Task<string?> NumberOfTokenAsync(string token, CancellationToken ct) =>
        Guid.TryParse(token, out var id)
            ? await db.Complaints.AsNoTracking().Where(c => c.Id == id).Select(c => c.TrackingNumber).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// The absolute address of each public complaint's first stored photo, for <c>media_url</c> when the complaint
    /// has no external media link. Behind the gateway the public host is the request's own: UseForwardedHeaders has
    /// already taken it from X-Forwarded-Host/-Proto.
    /// </summary>
    private async Task<Dictionary<Guid, string>> FirstPhotosAsync(IReadOnlyList<Complaint> complaints, string publicBase, CancellationToken ct)
    {
        var ids = complaints.Where(c => !c.Confidential && c.MediaUrls.Count == 0).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var first = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.ComplaintId))
            .GroupBy(a => a.ComplaintId).Select(g => new { g.Key, Id = g.OrderBy(a => a.AddedAt).Select(a => a.Id).First() })
            .ToListAsync(ct);
        return first.ToDictionary(x => x.Key, x => publicBase + AttachmentsApi.UrlOf(x.Id));
    }

    private static bool Flag(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
