using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

public sealed record TimeRangeDto(string? Opens, string? Closes);

/// <summary>One weekday: <c>allDay</c> for 24 hours, else its <c>ranges</c> ("08:00"–"16:00"; "24:00" ends the day).</summary>
public sealed record DayScheduleDto(string? Day, bool AllDay, List<TimeRangeDto>? Ranges);

/// <summary>A dated exception: <c>closed</c>, or other hours per weekday in <c>days</c> (weekdays not listed are closed).</summary>
public sealed record HoursExceptionDto(DateOnly? From, DateOnly? To, string? Reason, bool Closed, List<DayScheduleDto>? Days);

/// <summary>Weekdays not listed in <c>weekly</c> are closed.</summary>
public sealed record ServiceHoursDto(List<DayScheduleDto>? Weekly, List<HoursExceptionDto>? Exceptions, bool OpenOnHolidays, string? TimeZone = null)
{
    public static ServiceHoursDto From(ServiceHours h, string timeZoneId) => new(
        h.Weekly.OrderBy(kv => ((int)kv.Key + 6) % 7).Select(kv => Day(kv.Key, kv.Value)).ToList(),
        h.Exceptions.Select(e => new HoursExceptionDto(e.From, e.To, e.Reason, e.Closed,
            e.Closed ? null : e.Days.OrderBy(kv => ((int)kv.Key + 6) % 7).Select(kv => Day(kv.Key, kv.Value)).ToList())).ToList(),
        h.OpenOnHolidays,
        timeZoneId);

    internal static DayScheduleDto Day(DayOfWeek d, DaySchedule s) => new(d.ToString().ToLowerInvariant(), s.AllDay,
        s.Ranges.Select(r => new TimeRangeDto(TimeRange.Format(r.Opens), TimeRange.Format(r.Closes))).ToList());
}

/// <summary>A unit's service hours; what they do is in <see cref="ServiceHoursOperations"/>.</summary>
public static class ServiceHoursApi
{
    public static void MapServiceHoursApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var r = reads.MapGroup("/units/{id:guid}/service-hours").WithTags("Service hours");
        r.MapGet("/", GetServiceHours).WithSummary("A unit's weekly service hours and dated exceptions").ProducesProblems(StatusCodes.Status404NotFound);
        r.MapGet("/check", Check).WithSummary("Is the instant inside the unit's service hours (read in its time zone)?")
            .WithDescription("Precedence for a local date: a closure exception → closed; a national holiday or cuti bersama (unless openOnHolidays) → closed; " +
                             "an hours exception (e.g. Ramadan; the shortest covering one) → its hours; else the weekly hours. " +
                             "`at` is an ISO 8601 instant; without an offset it is read as local time of the unit; omitted = now.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        var w = writes.MapGroup("/units/{id:guid}/service-hours").WithTags("Service hours");
        w.MapPut("/", PutServiceHours).WithSummary("Replace a unit's service hours").ProducesProblems(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ServiceHoursDto>, ProblemHttpResult>> GetServiceHours(Guid id, ServiceHoursOperations hours, CancellationToken ct) =>
        (await hours.GetAsync(id, ct)).Ok();

    public static async Task<Results<Ok<ServiceHoursDto>, ValidationProblem, ProblemHttpResult>> PutServiceHours(Guid id, ServiceHoursDto request,
        ServiceHoursOperations hours, CancellationToken ct) =>
        (await hours.PutAsync(id, request, ct)).OkOrInvalid();

    public static async Task<Results<Ok<ServiceHoursCheckResponse>, ValidationProblem, ProblemHttpResult>> Check(Guid id, string? at,
        ServiceHoursOperations hours, CancellationToken ct) =>
        (await hours.CheckAsync(id, at, ct)).OkOrInvalid();
}
