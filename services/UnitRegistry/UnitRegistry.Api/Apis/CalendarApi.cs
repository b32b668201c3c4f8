using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Api.Infrastructure;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>How a holiday is answered (the record is the registry's HTTP contract, in UnitRegistry.Contracts).</summary>
public static class HolidayResponses
{
    extension(HolidayResponse)
    {
        public static HolidayResponse From(Holiday h) => new(h.Id, h.Date, h.Name, h.Kind.ToName(), h.NeedsReview);

        public static HolidayResponse From(CalendarDay d) => new(d.Id, d.Date, d.Name, d.Kind.ToName(), d.NeedsReview, d.Source);
    }
}

/// <summary>Which years have SKB data, and whether next year's is still missing (a warning for admins from <c>WarnFromMonth</c>).</summary>
public sealed record CalendarCoverageResponse(List<int> SkbYears, int CurrentYear, bool CurrentYearLoaded, bool NextYearLoaded, string? Warning);

public sealed class CalendarOptions
{
    /// <summary>From this month of the year on, a missing SKB for next year is reported to admins [7: July].</summary>
    public int WarnFromMonth { get; set; } = 7;
}

public sealed record HolidayRequest(DateOnly? Date, string? Name, string? Kind, bool NeedsReview);

public static class CalendarApi
{
    private const int MaxDays = 3650;

    public static void MapCalendarApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var r = reads.MapGroup("/calendar").WithTags("Calendar");
        r.MapGet("/holidays", ListHolidays).WithSummary("National holidays and cuti bersama of a year (default: this year in WIB)");
        r.MapPost("/working-days/add", AddWorkingDays)
            .WithSummary("Add N working days to an instant in a unit's time zone")
            .WithDescription("Working days are Monday–Friday except national holidays and cuti bersama. The result is on the working day N steps " +
                             "after the local date of `from`, at the same local time (Friday 10:00 WIB + 1 = Monday 10:00 WIB). Negative N goes back.");
        r.MapGet("/working-days/count", CountWorkingDays)
            .WithSummary("Count working days d with from < d ≤ to (local dates of the unit's time zone)");

        var w = writes.MapGroup("/calendar").WithTags("Calendar");
        w.MapGet("/coverage", Coverage).WithSummary("Years with SKB holiday data; warns when next year's SKB is still missing");
        w.MapPost("/holidays", AddHoliday).WithSummary("Add a national holiday or cuti bersama");
        w.MapDelete("/holidays/{holidayId:guid}", RemoveHoliday).WithSummary("Remove a holiday");
        w.MapPost("/holidays/{holidayId:guid}/review", MarkReviewed).WithSummary("Mark a holiday as checked against the SKB");
    }

    public static async Task<Results<Ok<List<HolidayResponse>>, ValidationProblem>> ListHolidays(int? year, UnitRegistryDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? TimeZoneInfo.ConvertTime(clock.GetUtcNow(), IndonesianTimeZones.Find(IndonesianTimeZones.Wib)).Year;
        if (y is < 1950 or > 2200)
        {
            return Problems.Validation("year", "must be between 1950 and 2200");
        }
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var list = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).ToListAsync(ct);
        return TypedResults.Ok(CompletedCalendar.Build(list, y, y).Days.Select(HolidayResponse.From).ToList());
    }

    public static async Task<Ok<CalendarCoverageResponse>> Coverage(UnitRegistryDbContext db, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<CalendarOptions> options, CancellationToken ct)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), IndonesianTimeZones.Find(IndonesianTimeZones.Wib));
        var years = (await db.LoadCalendarAsync(today.Year, today.Year, ct)).SkbYears.ToList();
        var (current, next) = (years.Contains(today.Year), years.Contains(today.Year + 1));
        string? warning = null;
        if (!current)
        {
            warning = $"Data SKB hari libur tahun {today.Year} belum dimuat: tenggat memakai perkiraan. / The {today.Year} SKB holiday data is not loaded: deadlines use estimates.";
        }
        else if (!next && today.Month >= options.Value.WarnFromMonth)
        {
            warning = $"Data SKB hari libur tahun {today.Year + 1} belum dimuat: muat sebelum akhir tahun. / The {today.Year + 1} SKB holiday data is not loaded yet: load it before the year ends.";
        }
        return TypedResults.Ok(new CalendarCoverageResponse(years, today.Year, current, next, warning));
    }

    public static async Task<Results<Created<HolidayResponse>, ValidationProblem, ProblemHttpResult>> AddHoliday(HolidayRequest request,
        UnitRegistryDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Date is null)
        {
            errors.Add("date", "required (yyyy-MM-dd)");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors.Add("name", "required, at most 200 characters");
        }
        if (!HolidayKinds.TryParse(request.Kind, out var kind))
        {
            errors.Add("kind", "must be national or cuti-bersama");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (await db.Holidays.AnyAsync(h => h.Date == request.Date && h.Kind == kind, ct))
        {
            return Problems.Conflict($"There is already a {kind.ToName()} entry on {request.Date:yyyy-MM-dd}.");
        }
        var holiday = Holiday.Create(Guid.CreateVersion7(), request.Date!.Value, request.Name!, kind, request.NeedsReview);
        db.Holidays.Add(holiday);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict($"There is already a {kind.ToName()} entry on {request.Date:yyyy-MM-dd}.");
        }
        return TypedResults.Created($"/api/calendar/holidays?year={holiday.Date.Year}", HolidayResponse.From(holiday));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveHoliday(Guid holidayId, UnitRegistryDbContext db, CancellationToken ct) =>
        await db.Holidays.Where(h => h.Id == holidayId).ExecuteDeleteAsync(ct) == 0
            ? Problems.NotFound($"There is no holiday {holidayId}.")
            : TypedResults.NoContent();

    public static async Task<Results<Ok<HolidayResponse>, ProblemHttpResult>> MarkReviewed(Guid holidayId, UnitRegistryDbContext db, CancellationToken ct)
    {
        var h = await db.Holidays.FirstOrDefaultAsync(x => x.Id == holidayId, ct);
        if (h is null)
        {
            return Problems.NotFound($"There is no holiday {holidayId}.");
        }
        h.MarkReviewed();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(HolidayResponse.From(h));
    }

    public static async Task<Results<Ok<AddWorkingDaysResponse>, ValidationProblem, ProblemHttpResult>> AddWorkingDays(AddWorkingDaysRequest request,
        UnitRegistryDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (zoneId, notFound) = await ResolveZoneAsync(request.UnitId, request.TimeZone, db, errors, ct);
        if (notFound is not null)
        {
            return notFound;
        }
        var zone = IndonesianTimeZones.Find(zoneId);
        DateTimeOffset from = default;
        if (request.From is null)
        {
            errors.Add("from", "required: " + Instants.Help);
        }
        else if (!Instants.TryParse(request.From, zone, out from))
        {
            errors.Add("from", "must be " + Instants.Help);
        }
        if (request.Days is null)
        {
            errors.Add("days", "required");
        }
        else if (Math.Abs(request.Days.Value) > MaxDays)
        {
            errors.Add("days", $"between -{MaxDays} and {MaxDays}");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var localFrom = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        // Enough years around the start for the span (a year has at least 200 working days).
        var span = Math.Abs(request.Days!.Value) / 200 + 1;
        var completed = await db.LoadCalendarAsync(localFrom.Year - span, localFrom.Year + span, ct);
        var calendar = completed.Calendar;
        var result = calendar.AddWorkingDays(from, request.Days.Value, zone);
        var localTo = DateOnly.FromDateTime(result.DateTime);
        var skipped = calendar.NonWorkingDaysBetween(localFrom, localTo).Select(x => new SkippedDay(x.Date, x.Reason)).ToList();
        return TypedResults.Ok(new AddWorkingDaysResponse(from, request.Days.Value, zoneId, result, skipped, [.. completed.SkbYears],
            completed.Warning(localFrom, localTo), completed.UsedEstimate(localFrom, localTo)));
    }

    public static async Task<Results<Ok<CountWorkingDaysResponse>, ValidationProblem, ProblemHttpResult>> CountWorkingDays(string? from, string? to,
        Guid? unitId, string? timeZone, UnitRegistryDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (zoneId, notFound) = await ResolveZoneAsync(unitId, timeZone, db, errors, ct);
        if (notFound is not null)
        {
            return notFound;
        }
        var zone = IndonesianTimeZones.Find(zoneId);
        if (!Instants.TryParse(from, zone, out var f))
        {
            errors.Add("from", "required: " + Instants.Help);
        }
        if (!Instants.TryParse(to, zone, out var t))
        {
            errors.Add("to", "required: " + Instants.Help);
        }
        if (!errors.Any && Math.Abs((t - f).TotalDays) > MaxDays * 2)
        {
            errors.Add("to", "the range is too long");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var (localF, localT) = (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, zone).DateTime),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime));
        var completed = await db.LoadCalendarAsync(localF.Year, localT.Year, ct);
        return TypedResults.Ok(new CountWorkingDaysResponse(f, t, zoneId, completed.Calendar.CountWorkingDays(f, t, zone), [.. completed.SkbYears],
            completed.Warning(localF, localT), completed.UsedEstimate(localF, localT)));
    }

    private static async Task<(string ZoneId, ProblemHttpResult? NotFound)> ResolveZoneAsync(Guid? unitId, string? timeZone,
        UnitRegistryDbContext db, FieldErrors errors, CancellationToken ct)
    {
        if (unitId is { } id)
        {
            if (timeZone is not null)
            {
                errors.Add("timeZone", "give unitId or timeZone, not both");
                return (IndonesianTimeZones.Wib, null);
            }
            var zone = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct);
            return zone is null ? (IndonesianTimeZones.Wib, Problems.NotFound($"There is no unit {id}.")) : (zone, null);
        }
        if (timeZone is null)
        {
            return (IndonesianTimeZones.Wib, null);
        }
        if (!IndonesianTimeZones.TryNormalize(timeZone, out var tz))
        {
            errors.Add("timeZone", "must be WIB, WITA or WIT (or Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
            return (IndonesianTimeZones.Wib, null);
        }
        return (tz, null);
    }
}
