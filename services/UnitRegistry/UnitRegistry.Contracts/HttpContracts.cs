namespace Tinjau.UnitRegistry.Contracts;

// The unit registry's HTTP answers, as its Apis/ write them and UnitRegistry.Client reads them (one definition, so
// a renamed field cannot drift apart). JSON names are the camelCase of these members.

public sealed record LocationDto(double? Latitude, double? Longitude);

public sealed record ContactDto(string? Kind, string? Value, string? Label);

public sealed record HeadDto(string? Name, string? Title, string? Nip);

/// <summary>GET /api/units/{id}, /api/units/by-code/{code}; the items of /api/units, /children and /ancestors.</summary>
public sealed record UnitResponse(
    Guid Id,
    string Code,
    string Name,
    string Type,
    Guid? ParentId,
    string? Address,
    LocationDto? Location,
    string TimeZone,
    string TimeZoneAbbreviation,
    bool IsActive,
    IReadOnlyList<ContactDto> Contacts,
    HeadDto? Head,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>GET /api/units?page=&amp;pageSize=.</summary>
public sealed record UnitPage(IReadOnlyList<UnitResponse> Items, int Page, int PageSize, int Total);

/// <summary>An item of GET /api/units/{id}/subtree (depth 0 = the unit).</summary>
public sealed record SubtreeItem(Guid Id, string Code, string Name, string Type, Guid? ParentId, bool IsActive, int Depth);

/// <summary>GET /api/units/locate?lat=&amp;lon= (404 when no kelurahan is near enough).</summary>
public sealed record LocateResponse(UnitResponse Kelurahan, double DistanceKm, double MaxDistanceKm, string Rule);

/// <summary>GET /api/units/{id}/service-hours/check?at=.</summary>
public sealed record ServiceHoursCheckResponse(Guid UnitId, DateTimeOffset At, DateTime LocalTime, string TimeZone, bool IsOpen,
    string Source, string? Reason, string TodaysHours);

/// <summary>
/// An item of GET /api/calendar/holidays?year=. <see cref="Source"/> is <c>skb</c> for entered data, <c>fixed-date</c>
/// for a fixed-date national holiday the rules add when it is not entered (no id), <c>estimate</c> for an estimated
/// Islamic holiday of a year whose SKB is not loaded (no id, needs review).
/// </summary>
public sealed record HolidayResponse(Guid? Id, DateOnly Date, string Name, string Kind, bool NeedsReview, string Source = HolidayResponse.Skb)
{
    public const string Skb = "skb";
}

/// <summary>Body of POST /api/calendar/working-days/add: give <c>unitId</c> or <c>timeZone</c> (WIB/WITA/WIT), not both; neither means WIB.</summary>
public sealed record AddWorkingDaysRequest(Guid? UnitId, string? TimeZone, string? From, int? Days);

public sealed record SkippedDay(DateOnly Date, string Reason);

/// <summary>
/// POST /api/calendar/working-days/add: <see cref="Result"/> is the instant at the same local time on the due date.
/// <see cref="Warning"/> is set when a year of the span has no SKB data; <see cref="UsedEstimate"/> when an estimated
/// holiday was skipped.
/// </summary>
public sealed record AddWorkingDaysResponse(DateTimeOffset From, int Days, string TimeZone, DateTimeOffset Result, List<SkippedDay> Skipped,
    List<int> HolidayDataYears, string? Warning, bool UsedEstimate = false);

/// <summary>GET /api/calendar/working-days/count?from=&amp;to=&amp;unitId=: working days d with from &lt; d ≤ to.</summary>
public sealed record CountWorkingDaysResponse(DateTimeOffset From, DateTimeOffset To, string TimeZone, int WorkingDays, List<int> HolidayDataYears,
    string? Warning, bool UsedEstimate = false);
