using Microsoft.Extensions.Options;

namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>
/// The holiday calendar (national holidays and cuti bersama from the SKB, completed by <see cref="CompletedCalendar"/>)
/// and working-day arithmetic in a unit's time zone.
/// </summary>
public sealed class CalendarOperations(UnitRegistryDbContext db, TimeProvider clock, IOptions<CalendarOptions> options)
{
    public const int MaxDays = 3650;

    public async Task<Outcome<List<HolidayResponse>>> ListHolidaysAsync(int? year, CancellationToken ct)
    {
        var y = year ?? TodayInWib().Year;
        if (y is < 1950 or > 2200)
        {
            return Refusal.Invalid("year", "must be between 1950 and 2200");
        }
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var list = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).ToListAsync(ct);
        return CompletedCalendar.Build(list, y, y).Days.Select(HolidayResponse.From).ToList();
    }

    public async Task<CalendarCoverageResponse> CoverageAsync(CancellationToken ct)
    {
        var today = TodayInWib();
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
        return new CalendarCoverageResponse(years, today.Year, current, next, warning);
    }

    public async Task<Outcome<HolidayResponse>> AddHolidayAsync(HolidayRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        if (!HolidayKinds.TryParse(request.Kind, out var kind))
        {
            errors.Add("kind", "must be national or cuti-bersama");
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var taken = $"There is already a {kind.ToName()} entry on {request.Date:yyyy-MM-dd}.";
        if (await db.Holidays.AnyAsync(h => h.Date == request.Date && h.Kind == kind, ct))
        {
            return Refusal.Conflict(taken);
        }
        var holiday = Holiday.Create(Guid.CreateVersion7(), request.Date!.Value, request.Name!, kind, request.NeedsReview);
        db.Holidays.Add(holiday);
        return await db.SaveNewAsync(taken, ct) is { } conflict ? conflict : Outcome<HolidayResponse>.Created(HolidayResponse.From(holiday));
    }

    /// <summary>Null when the holiday is gone.</summary>
    public async Task<Refusal?> RemoveHolidayAsync(Guid holidayId, CancellationToken ct) =>
        await db.Holidays.Where(h => h.Id == holidayId).ExecuteDeleteAsync(ct) == 0 ? NoHoliday(holidayId) : null;

    public async Task<Outcome<HolidayResponse>> MarkReviewedAsync(Guid holidayId, CancellationToken ct)
    {
        var h = await db.Holidays.FirstOrDefaultAsync(x => x.Id == holidayId, ct);
        if (h is null)
        {
            return NoHoliday(holidayId);
        }
        h.MarkReviewed();
        await db.SaveChangesAsync(ct);
        return HolidayResponse.From(h);
    }

    public async Task<Outcome<AddWorkingDaysResponse>> AddWorkingDaysAsync(AddWorkingDaysRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (zoneId, notFound) = await ResolveZoneAsync(request.UnitId, request.TimeZone, errors, ct);
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
            return Refusal.Invalid(errors);
        }
        var localFrom = LocalDate(from, zone);
        // Enough years around the start for the span (a year has at least 200 working days).
        var span = Math.Abs(request.Days!.Value) / 200 + 1;
        var completed = await db.LoadCalendarAsync(localFrom.Year - span, localFrom.Year + span, ct);
        var calendar = completed.Calendar;
        var result = calendar.AddWorkingDays(from, request.Days.Value, zone);
        var localTo = DateOnly.FromDateTime(result.DateTime);
        var skipped = calendar.NonWorkingDaysBetween(localFrom, localTo).Select(x => new SkippedDay(x.Date, x.Reason)).ToList();
        return new AddWorkingDaysResponse(from, request.Days.Value, zoneId, result, skipped, [.. completed.SkbYears],
            completed.Warning(localFrom, localTo), completed.UsedEstimate(localFrom, localTo));
    }

    public async Task<Outcome<CountWorkingDaysResponse>> CountWorkingDaysAsync(string? from, string? to, Guid? unitId, string? timeZone,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (zoneId, notFound) = await ResolveZoneAsync(unitId, timeZone, errors, ct);
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
            return Refusal.Invalid(errors);
        }
        var (localF, localT) = (LocalDate(f, zone), LocalDate(t, zone));
        var completed = await db.LoadCalendarAsync(localF.Year, localT.Year, ct);
        return new CountWorkingDaysResponse(f, t, zoneId, completed.Calendar.CountWorkingDays(f, t, zone), [.. completed.SkbYears],
            completed.Warning(localF, localT), completed.UsedEstimate(localF, localT));
    }

    private DateTimeOffset TodayInWib() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), IndonesianTimeZones.Find(IndonesianTimeZones.Wib));

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static Refusal NoHoliday(Guid holidayId) => Refusal.NotFound($"There is no holiday {holidayId}.");

    /// <summary>The unit's time zone, the one given, or WIB; field errors for a bad or doubled choice, a refusal for an unknown unit.</summary>
    private async Task<(string ZoneId, Refusal? NotFound)> ResolveZoneAsync(Guid? unitId, string? timeZone, FieldErrors errors, CancellationToken ct)
    {
        if (unitId is { } id)
        {
            if (timeZone is not null)
            {
                errors.Add("timeZone", "give unitId or timeZone, not both");
                return (IndonesianTimeZones.Wib, null);
            }
            var zone = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct);
            return zone is null ? (IndonesianTimeZones.Wib, Refusal.NoUnit(id)) : (zone, null);
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
