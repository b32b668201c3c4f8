using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tinjau.Complaints.Api.Domain;
using Tinjau.Complaints.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Unit;

public sealed class SlaDeadlineTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly TimeSpan Wit = TimeSpan.FromHours(9);

    private static SlaClock Clock(SlaOptions? sla = null, IUnitRegistryClient? registry = null) =>
        new(registry ?? new InMemoryUnitRegistry(), new StaticOptionsMonitor<SlaOptions>(sla ?? new SlaOptions()),
            Options.Create(new ComplaintsOptions()), NullLogger<SlaClock>.Instance);

    [Fact]
    public void Working_days_skip_weekends_and_holidays()
    {
        var cal = InMemoryUnitRegistry.Calendar;
        // Wed 2026-03-18 + 3: Thu 19 Nyepi, Fri 20 Idul Fitri, Mon 23 cuti bersama → Tue 24, Wed 25, Thu 26.
        Assert.Equal(new DateOnly(2026, 3, 26), cal.AddWorkingDays(new DateOnly(2026, 3, 18), 3));
        // Friday + 1 = Monday.
        Assert.Equal(new DateOnly(2026, 11, 9), cal.AddWorkingDays(new DateOnly(2026, 11, 6), 1));
        // Saturday + 1 = Monday; + 0 stays.
        Assert.Equal(new DateOnly(2026, 11, 9), cal.AddWorkingDays(new DateOnly(2026, 11, 7), 1));
        Assert.Equal(new DateOnly(2026, 11, 7), cal.AddWorkingDays(new DateOnly(2026, 11, 7), 0));
        // Count is the inverse.
        Assert.Equal(3, cal.CountWorkingDays(new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 26)));
        Assert.Equal(0, cal.CountWorkingDays(new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 8)));
    }

    [Fact]
    public async Task Verification_deadline_is_the_end_of_the_third_working_day_in_WIB()
    {
        // Friday 2026-11-06 10:00 WIB → Mon, Tue, Wed → due at the end of Wednesday 2026-11-11 WIB.
        var filed = new DateTimeOffset(2026, 11, 6, 10, 0, 0, Wib);
        var due = await Clock().DueAtAsync(null, "Asia/Jakarta", filed, 3, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 0, 0, 0, Wib), due);
    }

    [Fact]
    public async Task Christmas_and_its_cuti_bersama_are_skipped()
    {
        // Wed 2026-12-23 → Thu 24 (cuti bersama), Fri 25 (Natal), weekend → Mon 28, Tue 29, Wed 30.
        var filed = new DateTimeOffset(2026, 12, 23, 15, 0, 0, Wib);
        var due = await Clock().DueAtAsync(null, "Asia/Jakarta", filed, 3, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, Wib), due);
    }

    [Fact]
    public async Task The_same_instant_is_Friday_in_Jakarta_and_Saturday_in_Jayapura()
    {
        // 2026-11-06 16:30 UTC = Friday 23:30 WIB = Saturday 01:30 WIT.
        var instant = new DateTimeOffset(2026, 11, 6, 16, 30, 0, TimeSpan.Zero);
        var clock = Clock();
        var wib = await clock.DueAtAsync(null, "Asia/Jakarta", instant, 1, CancellationToken.None);
        var wit = await clock.DueAtAsync(null, "Asia/Jayapura", instant, 1, CancellationToken.None);
        // Both land on Monday (Friday + 1 and Saturday + 1), each ending at its own local midnight.
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, Wib), wib);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, Wit), wit);
        Assert.Equal(TimeSpan.FromHours(2), wib - wit);

        // Thursday 23:30 WIB is Friday 01:30 WIT: + 1 is Friday in Jakarta, Monday in Jayapura.
        var thursday = instant.AddDays(-1);
        Assert.Equal(new DateTimeOffset(2026, 11, 7, 0, 0, 0, Wib), await clock.DueAtAsync(null, "Asia/Jakarta", thursday, 1, default));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, Wit), await clock.DueAtAsync(null, "Asia/Jayapura", thursday, 1, default));
    }

    [Fact]
    public async Task Working_days_to_resolve_are_counted_on_local_dates()
    {
        var clock = Clock();
        // Filed Friday 2026-11-06 09:00 WIB, resolved Tuesday 2026-11-10 11:00 WIB: Mon + Tue = 2.
        Assert.Equal(2, await clock.WorkingDaysBetweenAsync(null, "Asia/Jakarta",
            new DateTimeOffset(2026, 11, 6, 9, 0, 0, Wib), new DateTimeOffset(2026, 11, 10, 11, 0, 0, Wib), default));
    }

    [Fact]
    public async Task A_registry_outage_falls_back_to_weekends_only()
    {
        var clock = Clock(registry: new FakeUnitRegistry { Down = true });
        // Wed 2026-12-23 + 3 without holidays: Thu, Fri, Mon 28.
        var due = await clock.DueAtAsync(null, "Asia/Jakarta", new DateTimeOffset(2026, 12, 23, 15, 0, 0, Wib), 3, default);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 0, 0, 0, Wib), due);
    }

    [Fact]
    public void Rules_resolve_city_and_kind_before_defaults()
    {
        var sla = new SlaOptions
        {
            Kinds = { ["permintaan-informasi"] = new SlaRule { FollowUpWorkingDays = 10 } },
            Cities =
            {
                ["31.71"] = new CitySlaRule
                {
                    VerificationWorkingDays = 1,
                    Kinds = { ["aspirasi"] = new SlaRule { FollowUpWorkingDays = 14 } },
                },
            },
        };
        Assert.Equal(new ResolvedSla(3, 5, 10, 10), sla.Resolve(ComplaintKind.Pengaduan, "32.73"));
        Assert.Equal(new ResolvedSla(3, 10, 10, 10), sla.Resolve(ComplaintKind.PermintaanInformasi, null));
        Assert.Equal(new ResolvedSla(1, 5, 10, 10), sla.Resolve(ComplaintKind.Pengaduan, "31.71"));
        Assert.Equal(new ResolvedSla(1, 14, 10, 10), sla.Resolve(ComplaintKind.Aspirasi, "31.71"));
        Assert.Equal(new ResolvedSla(1, 10, 10, 10), sla.Resolve(ComplaintKind.PermintaanInformasi, "31.71"));
        Assert.Equal("31.71", SlaOptions.CityCodeOf("31.71.05.1002"));
        Assert.Null(SlaOptions.CityCodeOf(null));
    }
}
