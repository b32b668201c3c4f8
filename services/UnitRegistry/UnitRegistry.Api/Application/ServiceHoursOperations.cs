namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>A unit's service hours: read (cached), replace, and whether an instant is inside them.</summary>
public sealed class ServiceHoursOperations(UnitRegistryDbContext db, UnitCache cache, TimeProvider clock)
{
    public async Task<Outcome<ServiceHoursDto>> GetAsync(Guid id, CancellationToken ct) =>
        Outcome<ServiceHoursDto>.Found(await cache.GetOrCreateAsync($"hours:{id}", async token =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token) is { } u ? ServiceHoursDto.From(u.ServiceHours, u.TimeZoneId) : null,
            ct), Refusal.NoUnit(id));

    public async Task<Outcome<ServiceHoursDto>> PutAsync(Guid id, ServiceHoursDto request, CancellationToken ct)
    {
        var (unit, missing) = await db.FindUnitAsync(id, ct);
        if (unit is null)
        {
            return missing!;
        }
        var errors = new FieldErrors();
        if (ServiceHoursInput.Parse(request, errors) is not { } hours)
        {
            return Refusal.Invalid(errors);
        }
        unit.SetServiceHours(hours, clock.GetUtcNow());
        await db.SaveAndInvalidateAsync(cache, ct);
        return ServiceHoursDto.From(unit.ServiceHours, unit.TimeZoneId);
    }

    public async Task<Outcome<ServiceHoursCheckResponse>> CheckAsync(Guid id, string? at, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Refusal.NoUnit(id);
        }
        var zone = IndonesianTimeZones.Find(unit.TimeZoneId);
        var instant = clock.GetUtcNow();
        if (at is not null && !Instants.TryParse(at, zone, out instant))
        {
            return Refusal.Invalid("at", "must be " + Instants.Help);
        }
        var year = TimeZoneInfo.ConvertTime(instant, zone).Year;
        var calendar = (await db.LoadCalendarAsync(year, year, ct)).Calendar;
        var check = unit.ServiceHours.Check(instant, zone, calendar.HolidayName);
        return new ServiceHoursCheckResponse(unit.Id, instant, check.LocalTime, unit.TimeZoneId, check.IsOpen,
            check.Day.Source.ToString().ToLowerInvariant(), check.Day.Reason, check.Day.Schedule.ToString());
    }
}
