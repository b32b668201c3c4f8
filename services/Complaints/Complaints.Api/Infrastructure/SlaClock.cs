namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// Deadlines in working days: an instant is read as a local date in the unit's time zone, the unit registry's
/// calendar gives the N-th working day after it, and the deadline is the end of that local day. While the registry
/// cannot be reached, weekends alone are skipped (logged), so intake and workflow keep working.
/// </summary>
public sealed class SlaClock(IUnitRegistryClient registry, IOptionsMonitor<SlaOptions> options, IOptions<ComplaintsOptions> complaints,
    ILogger<SlaClock> logger)
{
    public ResolvedSla RulesFor(ComplaintKind kind, string? unitCode) =>
        options.CurrentValue.Resolve(kind, SlaOptions.CityCodeOf(unitCode) ?? complaints.Value.City.Code);

    /// <param name="askRegistry">False when the caller has just seen the registry fail: weekends only, without a second wait.</param>
    public async Task<DateTimeOffset> DueAtAsync(Guid? unitId, string timeZone, DateTimeOffset from, int workingDays, CancellationToken ct,
        bool askRegistry = true)
    {
        var zone = IndonesianTimeZones.Find(timeZone);
        var start = IndonesianTimeZones.LocalDate(from, zone);
        DateOnly due;
        try
        {
            due = askRegistry
                ? await registry.AddWorkingDaysAsync(unitId, start, workingDays, ct)
                : WorkingCalendar.WeekendsOnly.AddWorkingDays(start, workingDays);
        }
        catch (UnitRegistryUnavailableException ex)
        {
            logger.LogWarning(ex, "Unit registry calendar unavailable; counting weekends only for unit {UnitId}", unitId);
            due = WorkingCalendar.WeekendsOnly.AddWorkingDays(start, workingDays);
        }
        return IndonesianTimeZones.EndOfDay(due, zone);
    }

    public async Task<int> WorkingDaysBetweenAsync(Guid? unitId, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var zone = IndonesianTimeZones.Find(timeZone);
        var a = IndonesianTimeZones.LocalDate(from, zone);
        var b = IndonesianTimeZones.LocalDate(to, zone);
        try
        {
            return await registry.CountWorkingDaysAsync(unitId, a, b, ct);
        }
        catch (UnitRegistryUnavailableException ex)
        {
            logger.LogWarning(ex, "Unit registry calendar unavailable; counting weekends only for unit {UnitId}", unitId);
            return WorkingCalendar.WeekendsOnly.CountWorkingDays(a, b);
        }
    }
}
