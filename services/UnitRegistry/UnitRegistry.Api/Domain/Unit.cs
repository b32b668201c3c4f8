using System.Text.RegularExpressions;
using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.Domain;

public sealed record UnitContact(string Kind, string Value, string? Label);

/// <summary>The head of a unit (Wali Kota, Camat, Lurah, Kepala Sudin …). Personal data: never put into events.</summary>
public sealed record HeadOfUnit(string Name, string Title, string? Nip);

/// <summary>The unit's maklumat pelayanan: its public declaration of commitment to the service standards.</summary>
public sealed record MaklumatPelayanan(string Text, DateOnly DeclaredOn, string? DeclaredBy);

/// <summary>A work unit (UKPD) of the city government: a region unit (kota, kecamatan, kelurahan) or an agency.</summary>
public sealed class Unit : RaisesIntegrationEvents
{
    private Unit()
    {
        Code = "";
        Name = "";
        TimeZoneId = IndonesianTimeZones.Wib;
        Contacts = [];
        ServiceHours = ServiceHours.None();
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public UnitType Type { get; private set; }
    public Guid? ParentId { get; private set; }
    public string? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string TimeZoneId { get; private set; }
    public bool IsActive { get; private set; }
    public IReadOnlyList<UnitContact> Contacts { get; private set; }
    public HeadOfUnit? Head { get; private set; }
    public ServiceHours ServiceHours { get; private set; }
    public MaklumatPelayanan? Maklumat { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>Registers a unit. Hierarchy rules are checked by the caller with <see cref="UnitHierarchyRules"/>.</summary>
    public static Unit Register(Guid id, string code, string name, UnitType type, Guid? parentId, string? address,
        GeoPoint? location, string timeZoneId, IReadOnlyList<UnitContact>? contacts, HeadOfUnit? head,
        ServiceHours? serviceHours, DateTimeOffset now)
    {
        if (!UnitCodes.IsWellFormed(code))
        {
            throw new ArgumentException($"'{code}' is not a unit code", nameof(code));
        }
        var unit = new Unit
        {
            Id = id,
            Code = code,
            IsActive = true,
            CreatedAt = now,
            ServiceHours = serviceHours ?? ServiceHours.JakartaOffice(),
        };
        unit.Apply(name, type, parentId, address, location, timeZoneId, contacts, head, now);
        unit.Raise(new UnitRegistered(unit.Id, unit.Code, unit.Name, unit.Type.ToName(), unit.ParentId, unit.TimeZoneId, unit.Latitude,
            unit.Longitude, unit.IsActive, now));
        return unit;
    }

    public void Update(string name, UnitType type, Guid? parentId, string? address, GeoPoint? location, string timeZoneId,
        IReadOnlyList<UnitContact>? contacts, HeadOfUnit? head, DateTimeOffset now)
    {
        if (parentId == Id)
        {
            throw new DomainException("a unit cannot be its own parent");
        }
        Apply(name, type, parentId, address, location, timeZoneId, contacts, head, now);
        RaiseUpdated(now);
    }

    // The events carry no personal data: no head of unit, no contacts.
    private void RaiseUpdated(DateTimeOffset now) =>
        Raise(new UnitUpdated(Id, Code, Name, Type.ToName(), ParentId, TimeZoneId, Latitude, Longitude, IsActive, now));

    private void Apply(string name, UnitType type, Guid? parentId, string? address, GeoPoint? location, string timeZoneId,
        IReadOnlyList<UnitContact>? contacts, HeadOfUnit? head, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IndonesianTimeZones.TryNormalize(timeZoneId, out var tz))
        {
            throw new ArgumentException($"'{timeZoneId}' is not WIB, WITA or WIT", nameof(timeZoneId));
        }
        Name = name.Trim();
        Type = type;
        ParentId = parentId;
        Address = address.Trimmed();
        Latitude = location?.Latitude;
        Longitude = location?.Longitude;
        TimeZoneId = tz;
        Contacts = contacts?.ToArray() ?? [];
        Head = head;
        UpdatedAt = now;
    }

    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException($"unit {Code} is already inactive");
        }
        IsActive = false;
        UpdatedAt = now;
        Raise(new UnitDeactivated(Id, Code, Name, Type.ToName(), ParentId, TimeZoneId, Latitude, Longitude, now));
    }

    public void Activate(DateTimeOffset now)
    {
        if (IsActive)
        {
            throw new DomainException($"unit {Code} is already active");
        }
        IsActive = true;
        UpdatedAt = now;
        RaiseUpdated(now);
    }

    public void SetServiceHours(ServiceHours hours, DateTimeOffset now)
    {
        ServiceHours = hours;
        UpdatedAt = now;
    }

    public void DeclareMaklumat(MaklumatPelayanan maklumat, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(maklumat.Text);
        Maklumat = maklumat;
        UpdatedAt = now;
    }
}

/// <summary>
/// Unit codes: Kemendagri-style dotted segments. Region units must have the Kemendagri shape of their level
/// (kota <c>31.71</c>, kecamatan <c>31.71.01</c>, kelurahan <c>31.71.01.1001</c>) and extend the parent's code;
/// other units use the code of their region plus their own segment(s), e.g. <c>31.71.SDSOS</c>.
/// </summary>
public static partial class UnitCodes
{
    public static bool IsWellFormed(string? code) => code is not null && Generic().IsMatch(code);

    public static string? ShapeError(string code, UnitType type) => type switch
    {
        UnitType.Kota when !Kota().IsMatch(code) => "a kota code has the form NN.NN (e.g. 31.71)",
        UnitType.Kecamatan when !Kecamatan().IsMatch(code) => "a kecamatan code has the form NN.NN.NN (e.g. 31.71.01)",
        UnitType.Kelurahan when !Kelurahan().IsMatch(code) => "a kelurahan code has the form NN.NN.NN.NNNN (e.g. 31.71.01.1001)",
        _ => null,
    };

    [GeneratedRegex(@"^[0-9]{2}(\.[0-9A-Z]{1,10}){0,4}$")]
    private static partial Regex Generic();

    [GeneratedRegex(@"^[0-9]{2}\.[0-9]{2}$")]
    private static partial Regex Kota();

    [GeneratedRegex(@"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$")]
    private static partial Regex Kecamatan();

    [GeneratedRegex(@"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$")]
    private static partial Regex Kelurahan();
}

/// <summary>What parent a unit may have. Returned messages are field errors of <c>parentId</c> (or <c>code</c>).</summary>
public static class UnitHierarchyRules
{
    public sealed record ParentInfo(Guid Id, string Code, UnitType Type);

    /// <summary>Errors keyed by field name; empty when the placement is allowed.</summary>
    public static Dictionary<string, string> Check(string code, UnitType type, ParentInfo? parent)
    {
        var errors = new Dictionary<string, string>();
        if (UnitCodes.ShapeError(code, type) is { } shape)
        {
            errors["code"] = shape;
        }
        switch (type)
        {
            case UnitType.Kota when parent is not null && parent.Type != UnitType.Other:
                errors["parentId"] = "a kota has no parent (or a province unit of type other)";
                break;
            case UnitType.Kecamatan when parent?.Type != UnitType.Kota:
                errors["parentId"] = "a kecamatan must have a kota as parent";
                break;
            case UnitType.Kelurahan when parent?.Type != UnitType.Kecamatan:
                errors["parentId"] = "a kelurahan must have a kecamatan as parent";
                break;
        }
        if (type is UnitType.Kecamatan or UnitType.Kelurahan && parent is not null && !errors.ContainsKey("parentId")
            && !code.StartsWith(parent.Code + ".", StringComparison.Ordinal))
        {
            errors.TryAdd("code", $"the code of a {type.ToName()} must extend its parent's code {parent.Code}");
        }
        return errors;
    }

    /// <summary>
    /// Whether giving <paramref name="unitId"/> the parent <paramref name="newParentId"/> makes a cycle, given the
    /// ancestor chain of the new parent (the parent first, then its parent, …).
    /// </summary>
    public static bool WouldCreateCycle(Guid unitId, Guid? newParentId, IEnumerable<Guid> ancestorsOfNewParent) =>
        newParentId is { } p && (p == unitId || ancestorsOfNewParent.Contains(unitId));
}
