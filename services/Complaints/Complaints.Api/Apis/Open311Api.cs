using System.Xml.Linq;
using static Tinjau.Complaints.Api.Apis.Open311Format;

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
        var (command, error) = Open311Requests.IntakeOf(await request.ReadFormAsync(ct), user);
        if (command is null)
        {
            return Error(format, 400, error!);
        }
        var outcome = await intake.FileAsync(command, request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
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

    private static async Task<IResult> GetRequestsAsync(string format, HttpRequest request, Open311Requests requests,
        IOptions<ComplaintsOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var (found, error) = await requests.SearchAsync(request.Query, PublicBase(request), ct);
        return error is not null
            ? Error(format, 400, error)
            : Render(format, "service_requests", "request", found.Select(f => RequestObject(f.Complaint, options.Value, f.PhotoUrl)).ToList());
    }

    /// <summary>One request by its number; a rahasia one withholds its content unless the caller may read it.</summary>
    private static async Task<IResult> GetRequestAsync(string id, string format, HttpRequest request, ClaimsPrincipal user, Open311Requests requests,
        IOptions<ComplaintsOptions> options, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        var found = await requests.FindAsync(id, user, request.Headers["X-Tracking-Secret"].FirstOrDefault(), PublicBase(request), ct);
        if (found is null)
        {
            return Error(format, 404, $"service_request_id '{id}' not found");
        }
        var obj = RequestObject(found.Complaint, options.Value, found.PhotoUrl);
        if (!found.Full)
        {
            foreach (var key in WithheldFields)
            {
                obj[key] = null;
            }
            obj["agency_responsible"] = options.Value.City.Name;
        }
        return Render(format, "service_requests", "request", [obj]);
    }

    private static async Task<IResult> GetTokenAsync(string token, string format, Open311Requests requests, CancellationToken ct)
    {
        if (!IsFormat(format))
        {
            return UnknownFormat();
        }
        return await requests.NumberOfTokenAsync(token, ct) is { } number
            ? Render(format, "service_requests", "request", [Obj(("service_request_id", number), ("token", token))])
            : Error(format, 404, $"token '{token}' not found");
    }

    /// <summary>The public scheme and host (behind the gateway, UseForwardedHeaders has taken them from X-Forwarded-Host/-Proto).</summary>
    private static string PublicBase(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
