namespace Tinjau.UnitRegistry.Contracts;

// Integration events published by UnitRegistry through its outbox. Versioned by adding fields, never by changing
// meaning. They carry no personal data (no head of unit, no contacts).
// Type is one of: kota, kecamatan, kelurahan, sudin, ptsp, puskesmas, upt, other.
// TimeZone is an IANA id: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).

/// <summary>A unit was added to the registry (by the API, a CSV import or the demo seed).</summary>
public sealed record UnitRegistered(
    Guid UnitId,
    string Code,
    string Name,
    string Type,
    Guid? ParentId,
    string TimeZone,
    double? Latitude,
    double? Longitude,
    bool IsActive,
    DateTimeOffset OccurredAt);

/// <summary>The registry data of a unit changed (name, type, parent, address/location, time zone, or re-activation).</summary>
public sealed record UnitUpdated(
    Guid UnitId,
    string Code,
    string Name,
    string Type,
    Guid? ParentId,
    string TimeZone,
    double? Latitude,
    double? Longitude,
    bool IsActive,
    DateTimeOffset OccurredAt);

/// <summary>A unit stopped operating; it stays in the registry for history but is no longer offered for new work.</summary>
public sealed record UnitDeactivated(
    Guid UnitId,
    string Code,
    string Name,
    string Type,
    Guid? ParentId,
    string TimeZone,
    double? Latitude,
    double? Longitude,
    DateTimeOffset OccurredAt);
