namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>The validated fields of a <see cref="UnitRequest"/> (everything except code and parent).</summary>
public sealed record UnitInput(string Name, UnitType Type, string? Address, GeoPoint? Location, string TimeZoneId,
    IReadOnlyList<UnitContact> Contacts, HeadOfUnit? Head)
{
    private static readonly string[] ContactKinds = ["phone", "email", "whatsapp", "website", "social", "other"];

    public static UnitInput? Validate(UnitRequest r, FieldErrors errors)
    {
        ValidateCore(r.Name, r.Type, r.Address, r.Location?.Latitude, r.Location?.Longitude, r.Location is not null, r.TimeZone, errors,
            "location.latitude", "location.longitude", out var type, out var tz);
        var contacts = new List<UnitContact>();
        for (var i = 0; i < (r.Contacts?.Count ?? 0); i++)
        {
            var c = r.Contacts![i];
            if (c is null || string.IsNullOrWhiteSpace(c.Kind) || !ContactKinds.Contains(c.Kind.Trim().ToLowerInvariant()))
            {
                errors.Add($"contacts[{i}].kind", $"must be one of: {string.Join(", ", ContactKinds)}");
            }
            if (c is null || string.IsNullOrWhiteSpace(c.Value) || c.Value.Length > 200)
            {
                errors.Add($"contacts[{i}].value", "required, at most 200 characters");
            }
            if (c is { Kind: not null, Value: not null })
            {
                contacts.Add(new UnitContact(c.Kind.Trim().ToLowerInvariant(), c.Value.Trim(), string.IsNullOrWhiteSpace(c.Label) ? null : c.Label.Trim()));
            }
        }
        HeadOfUnit? head = null;
        if (r.Head is { } h)
        {
            if (string.IsNullOrWhiteSpace(h.Name) || h.Name.Length > 200)
            {
                errors.Add("head.name", "required, at most 200 characters");
            }
            if (string.IsNullOrWhiteSpace(h.Title) || h.Title.Length > 100)
            {
                errors.Add("head.title", "required (e.g. Lurah, Camat), at most 100 characters");
            }
            if (h.Nip is { } nip && !(nip.Length == 18 && nip.All(char.IsAsciiDigit)))
            {
                errors.Add("head.nip", "an NIP has 18 digits");
            }
            head = new HeadOfUnit(h.Name?.Trim() ?? "", h.Title?.Trim() ?? "", h.Nip);
        }
        if (errors.Any)
        {
            return null;
        }
        var location = r.Location is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return new UnitInput(r.Name!.Trim(), type, r.Address, location, tz, contacts, head);
    }

    /// <summary>Shared by the JSON endpoints and the CSV import.</summary>
    public static void ValidateCore(string? name, string? type, string? address, double? lat, double? lon, bool locationGiven,
        string? timeZone, FieldErrors errors, string latField, string lonField, out UnitType parsedType, out string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "required");
        }
        else if (name.Trim().Length > 200)
        {
            errors.Add("name", "at most 200 characters");
        }
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add("type", $"required: one of {string.Join(", ", UnitTypes.Names)}");
            parsedType = default;
        }
        else if (!UnitTypes.TryParse(type, out parsedType))
        {
            errors.Add("type", $"must be one of: {string.Join(", ", UnitTypes.Names)}");
        }
        if (address is { Length: > 500 })
        {
            errors.Add("address", "at most 500 characters");
        }
        if (locationGiven || lat is not null || lon is not null)
        {
            CheckCoordinates(lat, lon, errors, latField, lonField, "required when a location is given", "required when a location is given");
        }
        timeZoneId = IndonesianTimeZones.Wib;
        if (!string.IsNullOrWhiteSpace(timeZone) && !IndonesianTimeZones.TryNormalize(timeZone, out timeZoneId))
        {
            errors.Add("timeZone", "must be WIB, WITA or WIT (or Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
        }
    }

    /// <summary>Latitude and longitude in decimal degrees (the JSON location, the CSV columns, the locate query).</summary>
    public static void CheckCoordinates(double? lat, double? lon, FieldErrors errors, string latField, string lonField,
        string latMissing, string lonMissing)
    {
        if (lat is null)
        {
            errors.Add(latField, latMissing);
        }
        else if (lat is < -90 or > 90 || !double.IsFinite(lat.Value))
        {
            errors.Add(latField, "must be between -90 and 90");
        }
        if (lon is null)
        {
            errors.Add(lonField, lonMissing);
        }
        else if (lon is < -180 or > 180 || !double.IsFinite(lon.Value))
        {
            errors.Add(lonField, "must be between -180 and 180");
        }
    }
}
