using Tinjau.Complaints.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Complaints.Tests.Support;

/// <summary>
/// The shared <see cref="FakeUnitRegistry"/> with deterministic units (Jakarta Pusat with Kecamatan Senen and Menteng
/// and some kelurahan, a Sudin, and a unit in Jayapura for WIT) and a calendar with weekends and a few 2026 holidays.
/// Locating picks the nearest kelurahan centroid within 1.5 km, like the registry does.
/// </summary>
public sealed class InMemoryUnitRegistry : FakeUnitRegistry
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

    public static readonly DateOnly[] HolidayDates =
    [
        new(2026, 1, 1), new(2026, 1, 16), new(2026, 2, 17), new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 23),
        new(2026, 8, 17), new(2026, 12, 24), new(2026, 12, 25),
    ];

    public static readonly WorkingCalendar Calendar = new(HolidayDates);

    public InMemoryUnitRegistry()
    {
        AddHolidays(HolidayDates);
        Add(new(JakartaPusat, "31.71", "Kota Administrasi Jakarta Pusat", "kota", null, "Asia/Jakarta"));
        Add(new(Senen, "31.71.05", "Kecamatan Senen", "kecamatan", JakartaPusat, "Asia/Jakarta"));
        Add(new(KelurahanSenen, "31.71.05.1001", "Kelurahan Senen", "kelurahan", Senen, "Asia/Jakarta", -6.1765, 106.8432));
        Add(new(Kwitang, "31.71.05.1002", "Kelurahan Kwitang", "kelurahan", Senen, "Asia/Jakarta", -6.1826, 106.8412));
        Add(new(Menteng, "31.71.06", "Kecamatan Menteng", "kecamatan", JakartaPusat, "Asia/Jakarta"));
        Add(new(Cikini, "31.71.06.1003", "Kelurahan Cikini", "kelurahan", Menteng, "Asia/Jakarta", -6.1950, 106.8400));
        Add(new(SudinBinaMarga, "31.71.90", "Sudin Bina Marga Jakarta Pusat", "sudin", JakartaPusat, "Asia/Jakarta"));
        Add(new(Jayapura, "91.71", "Kota Jayapura", "kota", null, "Asia/Jayapura"));
    }
}
