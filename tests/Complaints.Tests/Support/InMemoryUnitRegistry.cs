using Tinjau.Complaints.Api.Domain;
using Tinjau.Complaints.Api.Infrastructure;

namespace Tinjau.Complaints.Tests.Support;

/// <summary>
/// Deterministic units (Jakarta Pusat with Kecamatan Senen and Menteng and some kelurahan, a Sudin, and a unit in
/// Jayapura for WIT) and a calendar with weekends and a few 2026 holidays. Locating picks the nearest kelurahan
/// centroid within 1.5 km, like the registry does.
/// </summary>
public sealed class InMemoryUnitRegistry : IUnitRegistry
{
    public static readonly Guid JakartaPusat = Guid.Parse("00000000-0000-0000-0000-000000003171");
    public static readonly Guid Senen = Guid.Parse("00000000-0000-0000-0000-000317105000");
    public static readonly Guid Kwitang = Guid.Parse("00000000-0000-0000-0000-317105100200");
    public static readonly Guid KelurahanSenen = Guid.Parse("00000000-0000-0000-0000-317105100100");
    public static readonly Guid Menteng = Guid.Parse("00000000-0000-0000-0000-000317106000");
    public static readonly Guid Cikini = Guid.Parse("00000000-0000-0000-0000-317106100300");
    public static readonly Guid SudinBinaMarga = Guid.Parse("00000000-0000-0000-0000-0031710000b1");
    public static readonly Guid Jayapura = Guid.Parse("00000000-0000-0000-0000-000000009171");

    /// <summary>A point inside Kelurahan Kwitang.</summary>
    public static readonly GeoPoint KwitangPoint = new(-6.1830, 106.8415);

    public static readonly DateOnly[] Holidays =
    [
        new(2026, 1, 1), new(2026, 1, 16), new(2026, 2, 17), new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 23),
        new(2026, 8, 17), new(2026, 12, 24), new(2026, 12, 25),
    ];

    public static readonly WorkingCalendar Calendar = new(Holidays);

    private static readonly (UnitInfo Unit, GeoPoint? Centroid)[] Units =
    [
        (new(JakartaPusat, "31.71", "Kota Administrasi Jakarta Pusat", "kota", null, "Asia/Jakarta"), null),
        (new(Senen, "31.71.05", "Kecamatan Senen", "kecamatan", JakartaPusat, "Asia/Jakarta"), null),
        (new(KelurahanSenen, "31.71.05.1001", "Kelurahan Senen", "kelurahan", Senen, "Asia/Jakarta"), new GeoPoint(-6.1765, 106.8432)),
        (new(Kwitang, "31.71.05.1002", "Kelurahan Kwitang", "kelurahan", Senen, "Asia/Jakarta"), new GeoPoint(-6.1826, 106.8412)),
        (new(Menteng, "31.71.06", "Kecamatan Menteng", "kecamatan", JakartaPusat, "Asia/Jakarta"), null),
        (new(Cikini, "31.71.06.1003", "Kelurahan Cikini", "kelurahan", Menteng, "Asia/Jakarta"), new GeoPoint(-6.1950, 106.8400)),
        (new(SudinBinaMarga, "31.71.90", "Sudin Bina Marga Jakarta Pusat", "sudin", JakartaPusat, "Asia/Jakarta"), null),
        (new(Jayapura, "91.71", "Kota Jayapura", "kota", null, "Asia/Jayapura"), null),
    ];

    public int Calls;

    /// <summary>While true every call fails as the HTTP client does when the registry is unreachable.</summary>
    public volatile bool Down;

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new UnitRegistryUnavailableException("down (test)", new HttpRequestException("connection refused"));
        }
    }

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct)
    {
        ThrowIfDown();
        Interlocked.Increment(ref Calls);
        return Task.FromResult(Units.Select(u => u.Unit).FirstOrDefault(u => u.Id == unitId));
    }

    public Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct)
    {
        ThrowIfDown();
        var p = new GeoPoint(latitude, longitude);
        var best = Units.Where(u => u.Centroid is not null)
            .Select(u => (u.Unit, Distance: p.DistanceMetersTo(u.Centroid!.Value)))
            .Where(x => x.Distance <= 1500)
            .OrderBy(x => x.Distance)
            .Select(x => x.Unit)
            .FirstOrDefault();
        return Task.FromResult(best);
    }

    public Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct)
    {
        ThrowIfDown();
        var result = new List<Guid> { unitId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(Units.Where(u => u.Unit.ParentId == result[i]).Select(u => u.Unit.Id));
        }
        return Task.FromResult<IReadOnlyCollection<Guid>>(result);
    }

    public Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct)
    {
        ThrowIfDown();
        return Task.FromResult(Calendar.AddWorkingDays(from, days));
    }

    public Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ThrowIfDown();
        return Task.FromResult(Calendar.CountWorkingDays(from, to));
    }
}
