using System.Security.Claims;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Complaints.Api.Application;
using Tinjau.Complaints.Api.Data;
using Tinjau.Complaints.Api.Domain;
using Tinjau.Complaints.Api.Infrastructure;

namespace Tinjau.Complaints.Api.Apis;

/// <summary>
/// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at <c>/open311/v2</c>, in JSON (<c>.json</c>) and XML
/// (<c>.xml</c>): services are the complaint categories; a request is a complaint whose <c>service_request_id</c> is
/// its tracking number; <c>token</c> is the complaint id. Errors are the spec's error list with 400 or 404.
/// Rahasia complaints never appear in <c>GET requests</c>; by id (the tracking number) they do, for its holder.
/// Extensions: <c>attribute[anonim]</c> and <c>attribute[rahasia]</c> (true/false) on POST.
/// </summary>
public static class Open311Api
{
    public const int MaxRangeDays = 90;
    public const int MaxResults = 1000;

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").WithTags("Open311 GeoReport v2").AllowAnonymous();
        group.MapGet("/services.{format}", Services);
        group.MapGet("/services/{code}.{format}", ServiceDefinition);
        group.MapPost("/requests.{format}", PostRequestAsync).DisableAntiforgery();
        group.MapGet("/requests.{format}", GetRequestsAsync);
        group.MapGet("/requests/{id}.{format}", GetRequestAsync);
        group.MapGet("/tokens/{token}.{format}", GetTokenAsync);
        group.MapGet("/discovery.{format}", Discovery);
        return app;
    }

    private static IResult Services(string format, IOptions<ComplaintsOptions> options)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var services = options.Value.Categories.Select(c => Obj(
            ("service_code", c.Code), ("service_name", c.Name), ("description", c.Description), ("metadata", false),
            ("type", "realtime"), ("keywords", string.Join(", ", c.Keywords)), ("group", c.Group))).ToList();
        return Render(format, "services", "service", services);
    }

    private static IResult ServiceDefinition(string code, string format, IOptions<ComplaintsOptions> options)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        if (options.Value.FindCategory(code) is not { } category)
        {
            return Error(format, 404, $"service_code '{code}' not found");
        }
        if (format == "xml")
        {
            return Xml(200, new XElement("service_definition", new XElement("service_code", category.Code), new XElement("attributes")));
        }
        return TypedResults.Json(new Dictionary<string, object?> { ["service_code"] = category.Code, ["attributes"] = Array.Empty<object>() });
    }

    /// <summary>
    /// The GeoReport v2 discovery object: changeset, contact, key_service and the endpoints, whose url is the public
    /// base (scheme, host and prefix forwarded by the gateway).
    /// </summary>
    private static IResult Discovery(string format, HttpRequest request, IOptions<ComplaintsOptions> options)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var o = options.Value.Open311;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2";
        string[] formats = ["application/json", "text/xml"];
        if (format == "xml")
        {
            return Xml(200, new XElement("discovery",
                new XElement("changeset", o.Changeset), new XElement("contact", o.Contact), new XElement("key_service", o.KeyService),
                new XElement("endpoints", new XElement("endpoint",
                    new XElement("specification", Specification), new XElement("url", url), new XElement("changeset", o.Changeset),
                    new XElement("type", "production"), new XElement("formats", formats.Select(f => new XElement("format", f)))))));
        }
        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["changeset"] = o.Changeset,
            ["contact"] = o.Contact,
            ["key_service"] = o.KeyService,
            ["endpoints"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["specification"] = Specification, ["url"] = url, ["changeset"] = o.Changeset, ["type"] = "production", ["formats"] = formats,
                },
            },
        }, JsonOptions);
    }

    private const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>
    /// GeoReport v2 POST requests. Anonymous like every intake; a citizen who sends their bearer token too gets the
    /// complaint linked to their account, so they can follow, rate or reopen it while signed in.
    /// </summary>
    private static async Task<IResult> PostRequestAsync(string format, HttpRequest request, ComplaintIntake intake, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        if (!request.HasFormContentType)
        {
            return Error(format, 400, "POST requests must be form-encoded (application/x-www-form-urlencoded or multipart/form-data)");
        }
        var form = await request.ReadFormAsync(ct);
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        if (F("service_code") is null)
        {
            return Error(format, 400, "service_code is required");
        }
        double? lat = null, lon = null;
        if (F("lat") is { } latText)
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return Error(format, 400, "lat is not a number");
            }
            lat = v;
        }
        if (F("long") is { } lonText)
        {
            if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return Error(format, 400, "long is not a number");
            }
            lon = v;
        }
        if (lat is null && lon is null && F("address_string") is null && F("address_id") is null)
        {
            return Error(format, 400, "a location is required: lat and long, address_string or address_id");
        }
        var name = string.Join(' ', new[] { F("first_name"), F("last_name") }.Where(s => s is not null));
        var media = F("media_url") is { } m ? new List<string> { m } : [];
        var cmd = new IntakeCommand(null, F("service_code"), F("description"), lat, lon, F("address_string") ?? F("address_id"), media,
            ComplaintChannels.Open311, F("device_id") is { } device ? $"device:{device}" : null,
            Flag(F("attribute[anonim]")), Flag(F("attribute[rahasia]")),
            name.Length > 0 ? name : null, F("email"), F("phone"), null,
            user.IsInRole(TinjauRoles.Citizen) ? ComplaintAccess.Subject(user) : null);

        var outcome = await intake.FileAsync(cmd, request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
        switch (outcome)
        {
            case IntakeOutcome.Filed f:
                var created = Obj(("service_request_id", f.Result.Complaint.TrackingNumber), ("token", f.Result.Complaint.Id.ToString("N")),
                    ("service_notice", $"Simpan nomor pelacakan {f.Result.Complaint.TrackingNumber}."), ("account_id", null));
                return Render(format, "service_requests", "request", [created], status: 201);
            case IntakeOutcome.Invalid i:
                var errors = i.Errors.SelectMany(e => e.Value.Select(msg => $"{Open311Field(e.Key)}: {msg}")).ToList();
                return Errors(format, 400, errors);
            case IntakeOutcome.KeyReused k:
                return Error(format, 400, k.Detail);
            default:
                throw new InvalidOperationException();
        }
    }

    private static async Task<IResult> GetRequestsAsync(string format, HttpRequest request, ComplaintsDb db, TimeProvider time,
        IOptions<ComplaintsOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var q = request.Query;
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
                return Error(format, 400, "start_date is not a w3c datetime");
            }
            if (!LocalDates.TryParseBound(q["end_date"].ToString(), zone, isEnd: true, out var end))
            {
                return Error(format, 400, "end_date is not a w3c datetime");
            }
            var to = end ?? (start?.AddDays(MaxRangeDays) ?? time.GetUtcNow());
            var from = start ?? to.AddDays(-MaxRangeDays);
            if (from > to)
            {
                return Error(format, 400, "start_date is after end_date");
            }
            if (to - from > TimeSpan.FromDays(MaxRangeDays))
            {
                return Error(format, 400, $"start_date and end_date may be at most {MaxRangeDays} days apart");
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
                    return Error(format, 400, $"status '{part}' is not open or closed");
                }
                statuses.AddRange(s);
            }
            query = query.Where(c => statuses.Contains(c.Status));
        }
        var complaints = await query.OrderByDescending(c => c.FiledAt).Take(MaxResults).ToListAsync(ct);
        var photos = await FirstPhotosAsync(db, request, complaints, ct);
        return Render(format, "service_requests", "request",
            complaints.Select(c => RequestObject(c, options.Value, photos.GetValueOrDefault(c.Id))).ToList());
    }

    /// <summary>
    /// One request by its number. A rahasia complaint shows its status and dates only, unless the caller is its reporter
    /// (header <c>X-Tracking-Secret</c> or the citizen's token) or an officer who may handle it.
    /// </summary>
    private static async Task<IResult> GetRequestAsync(string id, string format, HttpRequest request, ClaimsPrincipal user, ComplaintsDb db,
        ComplaintAccess access, IOptions<ComplaintsOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var complaint = await TrackingApi.FindAsync(db, id, tracked: false, ct);
        if (complaint is null)
        {
            return Error(format, 404, $"service_request_id '{id}' not found");
        }
        var photos = await FirstPhotosAsync(db, request, [complaint], ct);
        var full = await TrackingApi.MayReadContentAsync(complaint, user, request.Headers["X-Tracking-Secret"].FirstOrDefault(), access, ct);
        var obj = RequestObject(complaint, options.Value, photos.GetValueOrDefault(complaint.Id));
        if (!full)
        {
            foreach (var key in WithheldFields)
            {
                obj[key] = null;
            }
            obj["agency_responsible"] = options.Value.City.Name;
        }
        return Render(format, "service_requests", "request", [obj]);
    }

    /// <summary>
    /// The absolute address of each public complaint's first stored photo, for <c>media_url</c> when the complaint
    /// has no external media link. Behind the gateway the public host is the request's own: UseForwardedHeaders has
    /// already taken it from X-Forwarded-Host/-Proto.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> FirstPhotosAsync(ComplaintsDb db, HttpRequest request, IReadOnlyList<Complaint> complaints,
        CancellationToken ct)
    {
        var ids = complaints.Where(c => !c.Confidential && c.MediaUrls.Count == 0).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var first = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.ComplaintId))
            .GroupBy(a => a.ComplaintId).Select(g => new { g.Key, Id = g.OrderBy(a => a.AddedAt).Select(a => a.Id).First() })
            .ToListAsync(ct);
        return first.ToDictionary(x => x.Key, x => $"{request.Scheme}://{request.Host}{AttachmentsApi.UrlOf(x.Id)}");
    }

    /// <summary>What a rahasia request does not show to the holder of its number alone.</summary>
    private static readonly string[] WithheldFields = ["description", "address", "lat", "long", "media_url", "status_notes", "service_name", "service_code"];

    private static async Task<IResult> GetTokenAsync(string token, string format, ComplaintsDb db, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var number = Guid.TryParse(token, out var id)
            ? await db.Complaints.AsNoTracking().Where(c => c.Id == id).Select(c => c.TrackingNumber).FirstOrDefaultAsync(ct)
            : null;
        return number is null
            ? Error(format, 404, $"token '{token}' not found")
            : Render(format, "service_requests", "request", [Obj(("service_request_id", number), ("token", token))]);
    }

    internal static Dictionary<string, object?> RequestObject(Complaint c, ComplaintsOptions options, string? storedPhotoUrl = null)
    {
        var zone = IndonesianTimeZones.Find(c.TimeZone);
        object? Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone) : null;
        var category = options.FindCategory(c.Category);
        return Obj(
            ("service_request_id", c.TrackingNumber),
            ("status", Open311Status.Of(c.Status)),
            ("status_notes", Open311Status.Notes(c)),
            ("service_name", category?.Name ?? c.Category),
            ("service_code", c.Category),
            ("description", c.Description),
            ("agency_responsible", c.UnitName ?? options.City.Name),
            ("service_notice", null),
            ("requested_datetime", Local(c.FiledAt)),
            ("updated_datetime", Local(c.UpdatedAt)),
            ("expected_datetime", Local(StatusLabels.CurrentDeadline(c))),
            ("address", c.Address),
            ("address_id", null),
            ("zipcode", null),
            ("lat", c.Latitude),
            ("long", c.Longitude),
            ("media_url", c.MediaUrls.FirstOrDefault() ?? storedPhotoUrl));
    }

    private static bool Flag(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static string Open311Field(string field) => field switch
    {
        "category" => "service_code",
        "latitude" => "lat",
        "longitude" => "long",
        "address" => "address_string",
        "mediaUrls[0]" or "mediaUrls" => "media_url",
        "reporter.email" => "email",
        "reporter.phone" => "phone",
        "reporter.name" => "first_name",
        _ => field,
    };

    private static Dictionary<string, object?> Obj(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static bool IsFormat(string format) => format is "json" or "xml";

    private static IResult UnknownFormat() => Errors("json", 404, ["format must be json or xml"]);

    private static IResult Error(string format, int status, string description) => Errors(format, status, [description]);

    private static IResult Errors(string format, int status, IReadOnlyList<string> descriptions)
    {
        var items = descriptions.Select(d => Obj(("code", status), ("description", d))).ToList();
        return Render(format, "errors", "error", items, status);
    }

    private static IResult Render(string format, string root, string item, IReadOnlyList<Dictionary<string, object?>> objects, int status = 200)
    {
        if (format == "xml")
        {
            return Xml(status, new XElement(root, objects.Select(o => new XElement(item, o.Select(kv => new XElement(kv.Key, XmlValue(kv.Value)))))));
        }
        return TypedResults.Json(objects, JsonOptions, statusCode: status);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static string? XmlValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IResult Xml(int status, XElement root)
    {
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        return TypedResults.Text(doc.Declaration + Environment.NewLine + doc.Root, "text/xml; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
