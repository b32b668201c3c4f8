using Microsoft.Extensions.Localization;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Portal.Web.Services;

/// <summary>What the admin pages' forms share: repeated fields, the unit chooser's options, unit names, refused fields.</summary>
public static class AdminForms
{
    /// <summary>Every value posted under one name (checkboxes, multiple selects), which the form binding does not collect.</summary>
    public static IReadOnlyList<string> Values(HttpContext context, string name) =>
        context.Request.HasFormContentType ? context.Request.Form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList() : [];

    /// <summary>The unit chooser's options: the registry's search for <paramref name="query"/> (active units), and the unit chosen now.</summary>
    public static async Task<IReadOnlyList<UnitResponse>> UnitChoicesAsync(PlatformApi api, string? query, string? selected, CancellationToken ct)
    {
        var units = new List<UnitResponse>();
        if (!string.IsNullOrWhiteSpace(query) && (await api.SearchUnitsAsync(query, null, true, 1, 30, ct)).Value is { } found)
        {
            units.AddRange(found.Items);
        }
        if (Guid.TryParse(selected, out var id) && units.All(u => u.Id != id) && (await api.UnitDetailAsync(id, ct)).Value is { } chosen)
        {
            units.Insert(0, chosen);
        }
        return units;
    }

    /// <summary>Names of the units bound to a page of users (the registry's, kept ten minutes by <see cref="PlatformApi.UnitAsync"/>).</summary>
    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(PlatformApi api, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids.OfType<Guid>().Distinct())
        {
            if (await api.UnitAsync(id, ct) is { } unit)
            {
                names[id] = unit.Name;
            }
        }
        return names;
    }

    /// <summary>The service's field errors, each beside its field (<paramref name="fieldOf"/> maps the service's name to the page's id).</summary>
    public static void FieldErrors<T>(ApiResult<T> result, Dictionary<string, string> errors, IStringLocalizer text, Func<string, string> fieldOf)
    {
        foreach (var (field, messages) in result.Errors)
        {
            var id = fieldOf(field);
            if (!errors.ContainsKey(id))
            {
                errors[id] = AdminArea.FieldMessage(text, field, messages);
            }
        }
    }
}

/// <summary>A unit's registry fields as the create and edit forms post them.</summary>
public sealed class UnitInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? ParentId { get; set; }
    public string? Address { get; set; }
    public string? TimeZone { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
    public string? HeadNip { get; set; }

    public static UnitInput From(UnitResponse u) => new()
    {
        Code = u.Code,
        Name = u.Name,
        Type = u.Type,
        ParentId = u.ParentId?.ToString(),
        Address = u.Address,
        TimeZone = IndonesianTimeZones.Abbreviation(u.TimeZone),
        Latitude = u.Location?.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Longitude = u.Location?.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HeadName = u.Head?.Name,
        HeadTitle = u.Head?.Title,
        HeadNip = u.Head?.Nip,
    };

    /// <summary>
    /// The registry's body (POST, or PUT which replaces every field): the contacts the form does not edit are sent back
    /// as they are; a coordinate that is not a number is sent as missing, and the registry's refusal says so beside the field.
    /// </summary>
    public object Body(IReadOnlyList<ContactDto>? contacts) => new
    {
        code = Code.Trimmed(),
        name = Name.Trimmed(),
        type = Type.Trimmed(),
        parentId = Guid.TryParse(ParentId, out var p) ? p : (Guid?)null,
        address = Address.Trimmed(),
        timeZone = TimeZone.Trimmed(),
        location = Latitude.Trimmed() is null && Longitude.Trimmed() is null ? null : new LocationDto(Number(Latitude), Number(Longitude)),
        contacts = contacts ?? [],
        head = HeadName.Trimmed() is null && HeadTitle.Trimmed() is null && HeadNip.Trimmed() is null ? null : new HeadDto(HeadName.Trimmed(), HeadTitle.Trimmed(), HeadNip.Trimmed()),
    };

    /// <summary>The page's field id for one of the registry's field names.</summary>
    public static string FieldOf(string field) => field switch
    {
        "code" or "name" or "type" or "address" or "timeZone" => "unit-" + field,
        "parentId" => "unit-parent",
        _ when field.StartsWith("location", StringComparison.Ordinal) => field.EndsWith("ongitude", StringComparison.Ordinal) ? "unit-lon" : "unit-lat",
        _ when field.StartsWith("head", StringComparison.Ordinal) => field.EndsWith("nip", StringComparison.Ordinal) ? "unit-headNip" : "unit-headName",
        _ => "unit-name",
    };


    /// <summary>A decimal degree typed with a point or a comma (Indonesian writes decimals with a comma).</summary>
    private static double? Number(string? v) =>
        double.TryParse(v.Trimmed()?.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}
