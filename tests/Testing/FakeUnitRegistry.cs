using System.Collections.Concurrent;
using Tinjau.UnitRegistry.Client;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Testing;

/// <summary>
/// The unit registry in memory, for every service's tests: units (<see cref="Add(UnitInfo)"/>), holidays (weekends and
/// <see cref="Holidays"/> are non-working days), service hours (<see cref="ServiceHours"/>, Mon–Fri 08–16 local by
/// default), and outages: while <see cref="Down"/> is true, or for a unit in <see cref="UnreachableUnits"/>, every call fails as
/// the HTTP client does when the registry cannot be reached (a throw for what must be answered, null or false for the rest).
/// </summary>
public class FakeUnitRegistry : IUnitRegistryClient
{
    public ConcurrentDictionary<Guid, UnitInfo> Units { get; } = new();

    public ConcurrentDictionary<DateOnly, bool> HolidaySet { get; } = new();

    /// <summary>Ids for which the registry behaves as if it were down.</summary>
    public ConcurrentDictionary<Guid, bool> UnreachableUnits { get; } = new();

    /// <summary>Whether the unit is open at the instant; the default is Mon–Fri 08:00–16:00 in the unit's time zone.</summary>
    public Func<UnitInfo, DateTimeOffset, bool> ServiceHours { get; set; } = (unit, at) =>
    {
        var local = TimeZoneInfo.ConvertTime(at, IndonesianTimeZones.Find(unit.TimeZone));
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 16;
    };

    /// <summary>A point locates the nearest kelurahan (with coordinates) within this distance.</summary>
    public double LocateWithinMeters { get; set; } = 1500;

    /// <summary>While true every call fails as the HTTP client does when the registry is unreachable.</summary>
    public volatile bool Down;

    /// <summary>Calls of <see cref="GetUnitAsync"/> that were answered.</summary>
    public int Calls;

    /// <summary>Calls of <see cref="GetUnitIdsAsync"/>.</summary>
    public int DirectoryRequests;

    /// <summary>Every unit id a caller asked about by id (GetUnitAsync, IsInsideServiceHoursAsync, IsDescendantAsync).</summary>
    public ConcurrentQueue<Guid> AskedAbout { get; } = new();

    public IEnumerable<DateOnly> Holidays
    {
        get => HolidaySet.Keys.Order();
        init => AddHolidays(value);
    }

    public UnitInfo Add(UnitInfo unit)
    {
        Units[unit.Id] = unit;
        return unit;
    }

    /// <summary>A new unit with a fresh id (WIB unless told).</summary>
    public UnitInfo Add(string code, string name, string type = "kelurahan", Guid? parentId = null, string timeZone = IndonesianTimeZones.Wib,
        double? latitude = null, double? longitude = null) =>
        Add(new UnitInfo(Guid.NewGuid(), code, name, type, parentId, timeZone, latitude, longitude));

    public void AddHolidays(IEnumerable<DateOnly> days)
    {
        foreach (var day in days)
        {
            HolidaySet[day] = true;
        }
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !HolidaySet.ContainsKey(day);

    private bool IsDown(Guid? unitId = null) => Down || (unitId is { } id && UnreachableUnits.ContainsKey(id));

    private void ThrowIfDown(Guid? unitId = null)
    {
        if (IsDown(unitId))
        {
            throw new UnitRegistryUnavailableException("unit registry down (fake)", new HttpRequestException("connection refused"));
        }
    }

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct)
    {
        AskedAbout.Enqueue(unitId);
        ThrowIfDown(unitId);
        Interlocked.Increment(ref Calls);
        return Task.FromResult(Units.GetValueOrDefault(unitId));
    }

    public Task<UnitInfo?> GetUnitByCodeAsync(string code, CancellationToken ct)
    {
        ThrowIfDown();
        return Task.FromResult(Units.Values.FirstOrDefault(u => string.Equals(u.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)));
    }

    public Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct)
    {
        ThrowIfDown();
        var best = Units.Values.Where(u => u.Type == "kelurahan" && u.Latitude is not null && u.Longitude is not null)
            .Select(u => (Unit: u, Meters: DistanceMeters(latitude, longitude, u.Latitude!.Value, u.Longitude!.Value)))
            .Where(x => x.Meters <= LocateWithinMeters)
            .OrderBy(x => x.Meters)
            .Select(x => x.Unit)
            .FirstOrDefault();
        return Task.FromResult(best);
    }

    public Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct)
    {
        ThrowIfDown(unitId);
        var result = new List<Guid> { unitId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(Units.Values.Where(u => u.ParentId == result[i] && !result.Contains(u.Id)).OrderBy(u => u.Code).Select(u => u.Id));
        }
        return Task.FromResult<IReadOnlyCollection<Guid>>(result);
    }

    public Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct)
    {
        ThrowIfDown(unitId);
        var step = days < 0 ? -1 : 1;
        var d = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            d = d.AddDays(step);
            if (IsWorkingDay(d))
            {
                left--;
            }
        }
        return Task.FromResult(d);
    }

    public Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ThrowIfDown(unitId);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }
        return Task.FromResult(count);
    }

    public Task<bool?> IsInsideServiceHoursAsync(Guid unitId, DateTimeOffset at, CancellationToken ct)
    {
        AskedAbout.Enqueue(unitId);
        return Task.FromResult(IsDown(unitId) || !Units.TryGetValue(unitId, out var unit) ? null : (bool?)ServiceHours(unit, at));
    }

    public Task<bool> IsDescendantAsync(Guid ancestorId, Guid unitId, CancellationToken ct)
    {
        AskedAbout.Enqueue(unitId);
        if (IsDown(unitId))
        {
            return Task.FromResult(false);
        }
        var seen = new HashSet<Guid>();
        var current = Units.GetValueOrDefault(unitId)?.ParentId;
        while (current is { } id && seen.Add(id))
        {
            if (id == ancestorId)
            {
                return Task.FromResult(true);
            }
            current = Units.GetValueOrDefault(id)?.ParentId;
        }
        return Task.FromResult(false);
    }

    public Task<IReadOnlyList<DateOnly>?> GetHolidaysAsync(int year, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DateOnly>?>(IsDown() ? null : Holidays.Where(d => d.Year == year).ToList());

    public Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref DirectoryRequests);
        return Task.FromResult<IReadOnlySet<Guid>?>(IsDown() ? null : Units.Keys.ToHashSet());
    }

    public Task<IReadOnlyList<UnitInfo>?> GetActiveKelurahanAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UnitInfo>?>(IsDown() ? null : Units.Values.Where(u => u.Type == "kelurahan").ToList());

    private static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 6_371_000 * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }
}
