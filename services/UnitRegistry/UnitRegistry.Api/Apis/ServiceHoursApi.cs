using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Api.Infrastructure;
using Tinjau.UnitRegistry.Contracts;

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

public static class ServiceHoursApi
{
    public static void MapServiceHoursApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var r = reads.MapGroup("/units/{id:guid}/service-hours").WithTags("Service hours");
        r.MapGet("/", GetServiceHours).WithSummary("A unit's weekly service hours and dated exceptions");
        r.MapGet("/check", Check).WithSummary("Is the instant inside the unit's service hours (read in its time zone)?")
            .WithDescription("Precedence for a local date: a closure exception → closed; a national holiday or cuti bersama (unless openOnHolidays) → closed; " +
                             "an hours exception (e.g. Ramadan; the shortest covering one) → its hours; else the weekly hours. " +
                             "`at` is an ISO 8601 instant; without an offset it is read as local time of the unit; omitted = now.");
        var w = writes.MapGroup("/units/{id:guid}/service-hours").WithTags("Service hours");
        w.MapPut("/", PutServiceHours).WithSummary("Replace a unit's service hours");
    }

    public static async Task<Results<Ok<ServiceHoursDto>, ProblemHttpResult>> GetServiceHours(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var dto = await cache.GetOrCreateAsync($"hours:{id}", async token =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token) is { } u ? ServiceHoursDto.From(u.ServiceHours, u.TimeZoneId) : null, ct);
        return dto is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(dto);
    }

    public static async Task<Results<Ok<ServiceHoursDto>, ValidationProblem, ProblemHttpResult>> PutServiceHours(Guid id, ServiceHoursDto request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var errors = new FieldErrors();
        var hours = Parse(request, errors);
        if (hours is null)
        {
            return errors.ToProblem();
        }
        unit.SetServiceHours(hours, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(ServiceHoursDto.From(unit.ServiceHours, unit.TimeZoneId));
    }

    public static async Task<Results<Ok<ServiceHoursCheckResponse>, ValidationProblem, ProblemHttpResult>> Check(Guid id, string? at,
        UnitRegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var zone = IndonesianTimeZones.Find(unit.TimeZoneId);
        var instant = clock.GetUtcNow();
        if (at is not null && !Instants.TryParse(at, zone, out instant))
        {
            return Problems.Validation("at", "must be " + Instants.Help);
        }
        var year = TimeZoneInfo.ConvertTime(instant, zone).Year;
        var calendar = (await db.LoadCalendarAsync(year, year, ct)).Calendar;
        var check = unit.ServiceHours.Check(instant, zone, calendar.HolidayName);
        return TypedResults.Ok(new ServiceHoursCheckResponse(unit.Id, instant, check.LocalTime, unit.TimeZoneId, check.IsOpen,
            check.Day.Source.ToString().ToLowerInvariant(), check.Day.Reason, check.Day.Schedule.ToString()));
    }

    internal static ServiceHours? Parse(ServiceHoursDto dto, FieldErrors errors)
    {
        var weekly = ParseDays(dto.Weekly, "weekly", errors);
        var exceptions = new List<ServiceHoursException>();
        for (var i = 0; i < (dto.Exceptions?.Count ?? 0); i++)
        {
            var e = dto.Exceptions![i];
            var prefix = $"exceptions[{i}]";
            if (e is null)
            {
                errors.Add(prefix, "required");
                continue;
            }
            if (e.From is null)
            {
                errors.Add($"{prefix}.from", "required (yyyy-MM-dd)");
            }
            if (e.To is null)
            {
                errors.Add($"{prefix}.to", "required (yyyy-MM-dd)");
            }
            if (e.From is { } f && e.To is { } t && t < f)
            {
                errors.Add($"{prefix}.to", "must not be before from");
            }
            if (string.IsNullOrWhiteSpace(e.Reason) || e.Reason.Length > 200)
            {
                errors.Add($"{prefix}.reason", "required (e.g. Ramadan), at most 200 characters");
            }
            Dictionary<DayOfWeek, DaySchedule>? days = null;
            if (e.Closed)
            {
                if (e.Days is { Count: > 0 })
                {
                    errors.Add($"{prefix}.days", "a closure has no hours");
                }
            }
            else if (e.Days is not { Count: > 0 })
            {
                errors.Add($"{prefix}.days", "give the hours per weekday, or set closed");
            }
            else
            {
                days = ParseDays(e.Days, $"{prefix}.days", errors);
            }
            if (!errors.Any)
            {
                exceptions.Add(new ServiceHoursException(e.From!.Value, e.To!.Value, e.Reason!, e.Closed, days));
            }
        }
        return errors.Any ? null : new ServiceHours(weekly ?? [], exceptions, dto.OpenOnHolidays);
    }

    private static Dictionary<DayOfWeek, DaySchedule>? ParseDays(List<DayScheduleDto>? days, string prefix, FieldErrors errors)
    {
        var result = new Dictionary<DayOfWeek, DaySchedule>();
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            var d = days![i];
            var p = $"{prefix}[{i}]";
            if (d is null)
            {
                errors.Add(p, "required");
                continue;
            }
            if (!TryParseDay(d.Day, out var day))
            {
                errors.Add($"{p}.day", "must be a weekday: monday … sunday (or senin … minggu)");
                continue;
            }
            if (result.ContainsKey(day))
            {
                errors.Add($"{p}.day", $"{day} is listed twice");
                continue;
            }
            if (d.AllDay)
            {
                if (d.Ranges is { Count: > 0 })
                {
                    errors.Add($"{p}.ranges", "a day open 24 hours has no ranges");
                    continue;
                }
                result[day] = DaySchedule.AroundTheClock;
                continue;
            }
            var ranges = new List<TimeRange>();
            for (var j = 0; j < (d.Ranges?.Count ?? 0); j++)
            {
                var r = d.Ranges![j];
                try
                {
                    ranges.Add(TimeRange.Parse(r?.Opens ?? "", r?.Closes ?? ""));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    errors.Add($"{p}.ranges[{j}]", ex.Message);
                }
            }
            try
            {
                result[day] = new DaySchedule(false, ranges);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{p}.ranges", ex.Message);
            }
        }
        return result;
    }

    private static bool TryParseDay(string? s, out DayOfWeek day)
    {
        day = default;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "monday" or "mon" or "senin": day = DayOfWeek.Monday; return true;
            case "tuesday" or "tue" or "selasa": day = DayOfWeek.Tuesday; return true;
            case "wednesday" or "wed" or "rabu": day = DayOfWeek.Wednesday; return true;
            case "thursday" or "thu" or "kamis": day = DayOfWeek.Thursday; return true;
            case "friday" or "fri" or "jumat": day = DayOfWeek.Friday; return true;
            case "saturday" or "sat" or "sabtu": day = DayOfWeek.Saturday; return true;
            case "sunday" or "sun" or "minggu": day = DayOfWeek.Sunday; return true;
            default: return false;
        }
    }
}
