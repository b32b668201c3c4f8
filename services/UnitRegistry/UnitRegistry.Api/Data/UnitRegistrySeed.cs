namespace Tinjau.UnitRegistry.Api.Data;

/// <summary>
/// Demo data, applied idempotently at start-up (a unit is added only if its code is missing, a holiday only if its
/// date and kind are missing): Kota Administrasi Jakarta Pusat (31.71) with its 8 kecamatan and 44 kelurahan, a few
/// Suku Dinas and the UP PMPTSP, and the 2025–2026 national holidays and cuti bersama. Kelurahan centroids are
/// approximate (good enough for nearest-centroid lookup, not surveyed). Holiday data is marked needsReview.
/// </summary>
public static class UnitRegistrySeed
{
    public sealed record KelurahanSeed(string Name, double Latitude, double Longitude);

    public sealed record KecamatanSeed(string Name, double Latitude, double Longitude, KelurahanSeed[] Kelurahan);

    public const string JakartaPusatCode = "31.71";

    public static readonly KecamatanSeed[] JakartaPusat =
    [
        new("Gambir", -6.1705, 106.8180,
        [
            new("Gambir", -6.1766, 106.8236), new("Cideng", -6.1721, 106.8107), new("Petojo Utara", -6.1655, 106.8148),
            new("Petojo Selatan", -6.1740, 106.8168), new("Kebon Kelapa", -6.1652, 106.8228), new("Duri Pulo", -6.1618, 106.8082),
        ]),
        new("Sawah Besar", -6.1540, 106.8330,
        [
            new("Pasar Baru", -6.1640, 106.8355), new("Karang Anyar", -6.1560, 106.8310), new("Kartini", -6.1515, 106.8385),
            new("Gunung Sahari Utara", -6.1480, 106.8345), new("Mangga Dua Selatan", -6.1440, 106.8270),
        ]),
        new("Kemayoran", -6.1620, 106.8560,
        [
            new("Kemayoran", -6.1615, 106.8460), new("Kebon Kosong", -6.1585, 106.8530), new("Harapan Mulya", -6.1685, 106.8625),
            new("Serdang", -6.1545, 106.8600), new("Gunung Sahari Selatan", -6.1660, 106.8405), new("Cempaka Baru", -6.1665, 106.8700),
            new("Sumur Batu", -6.1560, 106.8675), new("Utan Panjang", -6.1712, 106.8555),
        ]),
        new("Senen", -6.1840, 106.8460,
        [
            new("Senen", -6.1765, 106.8432), new("Kwitang", -6.1826, 106.8412), new("Kenari", -6.1905, 106.8465),
            new("Paseban", -6.1935, 106.8545), new("Kramat", -6.1855, 106.8482), new("Bungur", -6.1728, 106.8478),
        ]),
        new("Cempaka Putih", -6.1820, 106.8690,
        [
            new("Cempaka Putih Timur", -6.1775, 106.8735), new("Cempaka Putih Barat", -6.1825, 106.8645), new("Rawasari", -6.1905, 106.8690),
        ]),
        new("Menteng", -6.1950, 106.8340,
        [
            new("Menteng", -6.1965, 106.8300), new("Pegangsaan", -6.2025, 106.8420), new("Cikini", -6.1930, 106.8400),
            new("Gondangdia", -6.1885, 106.8310), new("Kebon Sirih", -6.1840, 106.8255),
        ]),
        new("Tanah Abang", -6.2030, 106.8130,
        [
            new("Gelora", -6.2180, 106.8020), new("Bendungan Hilir", -6.2065, 106.8135), new("Karet Tengsin", -6.2115, 106.8205),
            new("Kebon Melati", -6.1960, 106.8150), new("Petamburan", -6.2000, 106.8030), new("Kebon Kacang", -6.1905, 106.8185),
            new("Kampung Bali", -6.1862, 106.8165),
        ]),
        new("Johar Baru", -6.1800, 106.8545,
        [
            new("Johar Baru", -6.1832, 106.8562), new("Kampung Rawa", -6.1775, 106.8590), new("Tanah Tinggi", -6.1762, 106.8505),
            new("Galur", -6.1800, 106.8522),
        ]),
    ];

    /// <summary>Agencies of Jakarta Pusat seeded with the region: (code, name, type).</summary>
    public static readonly (string Code, string Name, UnitType Type, double Lat, double Lon)[] Agencies =
    [
        ("31.71.SDSOS", "Suku Dinas Sosial Kota Administrasi Jakarta Pusat", UnitType.Sudin, -6.1770, 106.8400),
        ("31.71.SDDKC", "Suku Dinas Kependudukan dan Pencatatan Sipil Kota Administrasi Jakarta Pusat", UnitType.Sudin, -6.1772, 106.8402),
        ("31.71.SDKES", "Suku Dinas Kesehatan Kota Administrasi Jakarta Pusat", UnitType.Sudin, -6.1774, 106.8404),
        ("31.71.SDLH", "Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Pusat", UnitType.Sudin, -6.1776, 106.8406),
        ("31.71.PTSP", "Unit Pelaksana Pelayanan Terpadu Satu Pintu Kota Administrasi Jakarta Pusat", UnitType.Ptsp, -6.1778, 106.8408),
    ];

    /// <summary>Ramadan 1447 H office hours in Jakarta (Mon–Thu 08.00–15.00, Fri 08.00–15.30), approximate dates.</summary>
    public static ServiceHoursException Ramadan2026() => new(new DateOnly(2026, 2, 18), new DateOnly(2026, 3, 19), "Ramadan 1447 H", false,
        new Dictionary<DayOfWeek, DaySchedule>
        {
            [DayOfWeek.Monday] = DaySchedule.Hours(TimeRange.Parse("08:00", "15:00")),
            [DayOfWeek.Tuesday] = DaySchedule.Hours(TimeRange.Parse("08:00", "15:00")),
            [DayOfWeek.Wednesday] = DaySchedule.Hours(TimeRange.Parse("08:00", "15:00")),
            [DayOfWeek.Thursday] = DaySchedule.Hours(TimeRange.Parse("08:00", "15:00")),
            [DayOfWeek.Friday] = DaySchedule.Hours(TimeRange.Parse("08:00", "15:30")),
        });

    /// <summary>Hari libur nasional and cuti bersama 2025 and 2026 (SKB 3 Menteri, as best known: to be reviewed).</summary>
    public static readonly (string Date, string Name, HolidayKind Kind)[] Holidays =
    [
        ("2025-01-01", "Tahun Baru 2025 Masehi", HolidayKind.National),
        ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW", HolidayKind.National),
        ("2025-01-28", "Cuti bersama Tahun Baru Imlek", HolidayKind.CutiBersama),
        ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili", HolidayKind.National),
        ("2025-03-28", "Cuti bersama Hari Suci Nyepi", HolidayKind.CutiBersama),
        ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947", HolidayKind.National),
        ("2025-03-31", "Idul Fitri 1446 H", HolidayKind.National),
        ("2025-04-01", "Idul Fitri 1446 H", HolidayKind.National),
        ("2025-04-02", "Cuti bersama Idul Fitri 1446 H", HolidayKind.CutiBersama),
        ("2025-04-03", "Cuti bersama Idul Fitri 1446 H", HolidayKind.CutiBersama),
        ("2025-04-04", "Cuti bersama Idul Fitri 1446 H", HolidayKind.CutiBersama),
        ("2025-04-07", "Cuti bersama Idul Fitri 1446 H", HolidayKind.CutiBersama),
        ("2025-04-18", "Wafat Yesus Kristus", HolidayKind.National),
        ("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.National),
        ("2025-05-01", "Hari Buruh Internasional", HolidayKind.National),
        ("2025-05-12", "Hari Raya Waisak 2569 BE", HolidayKind.National),
        ("2025-05-13", "Cuti bersama Hari Raya Waisak", HolidayKind.CutiBersama),
        ("2025-05-29", "Kenaikan Yesus Kristus", HolidayKind.National),
        ("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.CutiBersama),
        ("2025-06-01", "Hari Lahir Pancasila", HolidayKind.National),
        ("2025-06-06", "Idul Adha 1446 H", HolidayKind.National),
        ("2025-06-09", "Cuti bersama Idul Adha 1446 H", HolidayKind.CutiBersama),
        ("2025-06-27", "Tahun Baru Islam 1447 H", HolidayKind.National),
        ("2025-08-17", "Hari Kemerdekaan Republik Indonesia", HolidayKind.National),
        ("2025-08-18", "Cuti bersama Hari Kemerdekaan", HolidayKind.CutiBersama),
        ("2025-09-05", "Maulid Nabi Muhammad SAW", HolidayKind.National),
        ("2025-12-25", "Hari Raya Natal", HolidayKind.National),
        ("2025-12-26", "Cuti bersama Hari Raya Natal", HolidayKind.CutiBersama),
        ("2026-01-01", "Tahun Baru 2026 Masehi", HolidayKind.National),
        ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", HolidayKind.National),
        ("2026-02-16", "Cuti bersama Tahun Baru Imlek", HolidayKind.CutiBersama),
        ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", HolidayKind.National),
        ("2026-03-18", "Cuti bersama Hari Suci Nyepi", HolidayKind.CutiBersama),
        ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", HolidayKind.National),
        ("2026-03-20", "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        ("2026-03-21", "Idul Fitri 1447 H", HolidayKind.National),
        ("2026-03-22", "Idul Fitri 1447 H", HolidayKind.National),
        ("2026-03-23", "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        ("2026-03-24", "Cuti bersama Idul Fitri 1447 H", HolidayKind.CutiBersama),
        ("2026-04-03", "Wafat Yesus Kristus", HolidayKind.National),
        ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.National),
        ("2026-05-01", "Hari Buruh Internasional", HolidayKind.National),
        ("2026-05-14", "Kenaikan Yesus Kristus", HolidayKind.National),
        ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.CutiBersama),
        ("2026-05-27", "Idul Adha 1447 H", HolidayKind.National),
        ("2026-05-28", "Cuti bersama Idul Adha 1447 H", HolidayKind.CutiBersama),
        ("2026-05-31", "Hari Raya Waisak 2570 BE", HolidayKind.National),
        ("2026-06-01", "Hari Lahir Pancasila", HolidayKind.National),
        ("2026-06-16", "Tahun Baru Islam 1448 H", HolidayKind.National),
        ("2026-08-17", "Hari Kemerdekaan Republik Indonesia", HolidayKind.National),
        ("2026-08-25", "Maulid Nabi Muhammad SAW", HolidayKind.National),
        ("2026-12-24", "Cuti bersama Hari Raya Natal", HolidayKind.CutiBersama),
        ("2026-12-25", "Hari Raya Natal", HolidayKind.National),
    ];

    public static async Task SeedAsync(UnitRegistryDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // one seeder at a time when several instances start together
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(3171)", ct);
            await SeedUnitsAsync(db, now, ct);
            await SeedHolidaysAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    private static async Task SeedUnitsAsync(UnitRegistryDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        Unit Ensure(string code, string name, UnitType type, Unit? parent, GeoPoint? location, string? address)
        {
            if (existing.TryGetValue(code, out var unit))
            {
                return unit;
            }
            var hours = ServiceHours.JakartaOffice([Ramadan2026()]);
            unit = Unit.Register(Guid.CreateVersion7(now), code, name, type, parent?.Id, address, location, IndonesianTimeZones.Wib,
                [], null, hours, now);
            db.Units.Add(unit);
            existing[code] = unit;
            return unit;
        }

        var kota = Ensure(JakartaPusatCode, "Kota Administrasi Jakarta Pusat", UnitType.Kota, null, new GeoPoint(-6.1805, 106.8284),
            "Jl. Tanah Abang I No. 1, Jakarta Pusat");
        for (var k = 0; k < JakartaPusat.Length; k++)
        {
            var kec = JakartaPusat[k];
            var kecCode = $"{JakartaPusatCode}.{k + 1:00}";
            var kecamatan = Ensure(kecCode, $"Kecamatan {kec.Name}", UnitType.Kecamatan, kota, new GeoPoint(kec.Latitude, kec.Longitude), null);
            for (var n = 0; n < kec.Kelurahan.Length; n++)
            {
                var kel = kec.Kelurahan[n];
                Ensure($"{kecCode}.{1001 + n}", $"Kelurahan {kel.Name}", UnitType.Kelurahan, kecamatan,
                    new GeoPoint(kel.Latitude, kel.Longitude), null);
            }
        }
        foreach (var a in Agencies)
        {
            Ensure(a.Code, a.Name, a.Type, kota, new GeoPoint(a.Lat, a.Lon), null);
        }
    }

    private static async Task SeedHolidaysAsync(UnitRegistryDbContext db, CancellationToken ct)
    {
        var existing = (await db.Holidays.Select(h => new { h.Date, h.Kind }).ToListAsync(ct))
            .Select(h => (h.Date, h.Kind)).ToHashSet();
        foreach (var (date, name, kind) in Holidays)
        {
            var d = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (existing.Add((d, kind)))
            {
                db.Holidays.Add(Holiday.Create(Guid.CreateVersion7(), d, name, kind, needsReview: true));
            }
        }
    }
}
