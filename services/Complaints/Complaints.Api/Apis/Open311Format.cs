using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Tinjau.Complaints.Api.Apis;

/// <summary>How Open311 GeoReport v2 writes its answers: JSON or XML lists, the spec's error list, a request's fields.</summary>
internal static class Open311Format
{
    /// <summary>What a rahasia request does not show to the holder of its number alone.</summary>
    internal static readonly string[] WithheldFields = ["description", "address", "lat", "long", "media_url", "status_notes", "service_name", "service_code"];

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
            ("expected_datetime", Local(c.CurrentDeadline)),
            ("address", c.Address),
            ("address_id", null),
            ("zipcode", null),
            ("lat", c.Latitude),
            ("long", c.Longitude),
            ("media_url", c.MediaUrls.FirstOrDefault() ?? storedPhotoUrl));
    }

    internal static string Open311Field(string field) => field switch
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

    internal static Dictionary<string, object?> Obj(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    internal static bool IsFormat(string format) => format is "json" or "xml";

    internal static IResult UnknownFormat() => Errors("json", 404, ["format must be json or xml"]);

    internal static IResult Error(string format, int status, string description) => Errors(format, status, [description]);

    internal static IResult Errors(string format, int status, IReadOnlyList<string> descriptions)
    {
        var items = descriptions.Select(d => Obj(("code", status), ("description", d))).ToList();
        return Render(format, "errors", "error", items, status);
    }

    internal static IResult Render(string format, string root, string item, IReadOnlyList<Dictionary<string, object?>> objects, int status = 200)
    {
        if (format == "xml")
        {
            return Xml(status, new XElement(root, objects.Select(o => new XElement(item, o.Select(kv => new XElement(kv.Key, XmlValue(kv.Value)))))));
        }
        return TypedResults.Json(objects, JsonOptions, statusCode: status);
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    internal static string? XmlValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal static IResult Xml(int status, XElement root)
    {
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        return TypedResults.Text(doc.Declaration + Environment.NewLine + doc.Root, "text/xml; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
