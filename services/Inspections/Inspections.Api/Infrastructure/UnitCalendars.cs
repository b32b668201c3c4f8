using System.Collections.Concurrent;
using Tinjau.Inspections.Api.Domain;

namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// Working-day calendars for deadlines and absence runs: the registry's holidays of the years asked (kept for an
/// hour, shared by every request), or the rules' calendar for a year the registry cannot give (not kept, so the next
/// call asks again).
/// </summary>
public sealed class UnitCalendars(IUnitRegistry registry, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private static readonly ConcurrentDictionary<int, (IReadOnlyList<DateOnly> Days, DateTimeOffset At)> _years = new();

    public async Task<WorkingDays> ForYearsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        var days = new List<DateOnly>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var now = clock.GetUtcNow();
            if (!_years.TryGetValue(year, out var kept) || now - kept.At > KeepFor)
            {
                var fetched = await registry.GetHolidaysAsync(year, ct);
                if (fetched is null)
                {
                    days.AddRange(Domain.WorkingDays.RuleDates(year));
                    continue;
                }
                kept = (fetched, now);
                _years[year] = kept;
            }
            days.AddRange(kept.Days);
        }
        return new WorkingDays(days);
    }

    /// <summary>The instant <paramref name="days"/> working days after <paramref name="from"/> in the unit's time zone.</summary>
    public async Task<DateTimeOffset> AddAsync(DateTimeOffset from, int days, string unitTimeZone, CancellationToken ct)
    {
        var zone = UnitZones.Find(unitTimeZone, "Asia/Jakarta").Zone;
        var year = TimeZoneInfo.ConvertTime(from, zone).Year;
        var calendar = await ForYearsAsync(year, year + days / 200 + 1, ct);
        return calendar.Add(from, days, zone);
    }
}
