namespace Tinjau.Portal.Web.Services;

// The identity and unit registry services' admin answers, as much of them as the admin pages show (see the README's API tables).

/// <summary>A user as <c>GET /api/identity/users</c> answers: roles, the unit binding (unit-staff and unit-head only), the lockout.</summary>
public sealed record AdminUser(Guid Id, string UserName, string DisplayName, string? Email, string? Phone, IReadOnlyList<string> Roles,
    Guid? UnitId, bool LockedOut, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt);

public sealed record AdminPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>One administrative change (<c>GET /api/identity/audit</c>): who, what, when, to whom, before → after.</summary>
public sealed record AuditRow(Guid Id, DateTimeOffset At, string ActorId, string ActorName, string Action, Guid TargetUserId,
    string TargetUserName, string Details);

public sealed record HoursRange(string? Opens, string? Closes);

/// <summary>A weekday of <c>/api/units/{id}/service-hours</c>: <c>allDay</c>, or its ranges; weekdays not listed are closed.</summary>
public sealed record HoursDay(string? Day, bool AllDay, List<HoursRange>? Ranges);

/// <summary>A dated exception: closed, or other hours per weekday (e.g. Ramadan).</summary>
public sealed record HoursException(DateOnly? From, DateOnly? To, string? Reason, bool Closed, List<HoursDay>? Days);

public sealed record UnitServiceHours(List<HoursDay>? Weekly, List<HoursException>? Exceptions, bool OpenOnHolidays, string? TimeZone = null);

/// <summary>The six published components of the standar pelayanan.</summary>
public sealed record ServiceStandard(List<string>? Requirements, string? Procedure, string? Time, int? TimeLimitWorkingDays, string? Cost,
    string? Product, string? ComplaintHandling);

public sealed record CatalogueService(Guid Id, Guid UnitId, string Name, string? Description, bool IsOnline, ServiceStandard Standard,
    DateTimeOffset UpdatedAt);

public sealed record Maklumat(string? Text, DateOnly? DeclaredOn, string? DeclaredBy);

public sealed record Catalogue(Guid UnitId, string UnitCode, Maklumat? Maklumat, List<CatalogueService> Services);

/// <summary><c>GET /api/calendar/coverage</c>: the years with SKB data and the registry's warning (Indonesian / English).</summary>
public sealed record CalendarCoverage(List<int> SkbYears, int CurrentYear, bool CurrentYearLoaded, bool NextYearLoaded, string? Warning);
