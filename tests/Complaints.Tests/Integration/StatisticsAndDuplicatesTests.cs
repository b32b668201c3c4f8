using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class StatisticsAndDuplicatesTests(ComplaintsFixture fx)
{
    private static readonly double CikiniLat = -6.1950, CikiniLon = 106.8400;

    [Fact]
    public async Task List_dates_are_days_in_the_city_and_the_default_statistics_window_ends_today_in_WIB()
    {
        var filed = await fx.Anonymous().FileAsync(Complaints.Body(category: "pkl", lat: CikiniLat, lon: CikiniLon));
        // Filed at 03:00 WIB on 5 March 2026, which is still 4 March in UTC.
        var at = new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.Zero);
        await fx.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE complaints SET \"FiledAt\" = {at} WHERE \"Id\" = {filed.Id}"));
        await fx.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE complaint_stats SET \"FiledAt\" = {at} WHERE \"ComplaintId\" = {filed.Id}"));
        var admin = fx.Admin();
        var ids = async (string query) => (await (await admin.GetAsync($"/api/complaints?unitId={InMemoryUnitRegistry.Cikini}&pageSize=200&{query}")).OkJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(filed.Id, await ids("from=2026-03-05&to=2026-03-05"));
        Assert.DoesNotContain(filed.Id, await ids("from=2026-03-04&to=2026-03-04"));
        Assert.Contains(filed.Id, await ids("from=2026-03-04T20:00:00Z&to=2026-03-04T20:00:01Z"));
        Assert.Equal(400, (int)(await admin.GetAsync("/api/complaints?from=kemarin")).StatusCode);
        // Open311 reads a date without a time the same way.
        var open311 = async (string day) => (await (await fx.Anonymous().GetAsync($"/open311/v2/requests.json?start_date={day}&end_date={day}")).OkJsonAsync())
            .EnumerateArray().Select(r => r.Str("service_request_id")).ToList();
        Assert.Contains(filed.TrackingNumber, await open311("2026-03-05"));
        Assert.DoesNotContain(filed.TrackingNumber, await open311("2026-03-04"));

        // Without dates the statistics end today in WIB.
        var stats = await (await admin.GetAsync($"/api/complaints/statistics?unitId={InMemoryUnitRegistry.Cikini}")).OkJsonAsync();
        var wibToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.Equal(wibToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stats.Str("to"));
    }

    [Fact]
    public async Task The_list_finds_one_complaint_by_its_tracking_number_and_filters_by_the_deadline_running_now()
    {
        var admin = fx.Admin();
        var late = await fx.Anonymous().FileAsync(Complaints.Body("pkl", CikiniLat - 0.004, CikiniLon));
        var fresh = await fx.Anonymous().FileAsync(Complaints.Body("pkl", CikiniLat - 0.004, CikiniLon + 0.003));
        var past = DateTimeOffset.UtcNow.AddDays(-2);
        await fx.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE complaints SET \"VerificationDueAt\" = {past} WHERE \"Id\" = {late.Id}"));
        var ids = async (HttpClient client, string query) => (await (await client.GetAsync($"/api/complaints?pageSize=200&{query}")).OkJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        // As typed (lower case, spaces): exactly that complaint, and only for those who may see it.
        Assert.Equal([late.Id], await ids(admin, $"trackingNumber={Uri.EscapeDataString(" " + late.TrackingNumber.ToLowerInvariant() + " ")}"));
        Assert.Equal([late.Id], await ids(fx.As("unit-staff", InMemoryUnitRegistry.Cikini), $"trackingNumber={late.TrackingNumber}"));
        Assert.Empty(await ids(fx.As("unit-staff", InMemoryUnitRegistry.Kwitang), $"trackingNumber={late.TrackingNumber}"));

        // Breached: the verification deadline has passed; the fresh one still runs (3 working days ahead).
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var breached = await ids(admin, $"category=pkl&dueBefore={now}");
        Assert.Contains(late.Id, breached);
        Assert.DoesNotContain(fresh.Id, breached);
        var running = await ids(admin, $"category=pkl&dueFrom={now}");
        Assert.Contains(fresh.Id, running);
        Assert.DoesNotContain(late.Id, running);

        // Disposed: the follow-up deadline is the one running, so the late verification no longer counts.
        await (await admin.PostJsonAsync($"/api/complaints/{late.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{late.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();
        Assert.DoesNotContain(late.Id, await ids(admin, $"category=pkl&dueBefore={now}"));
        Assert.Contains(late.Id, await ids(admin, $"category=pkl&dueFrom={now}"));
        Assert.Equal(400, (int)(await admin.GetAsync("/api/complaints?dueBefore=kemarin")).StatusCode);
        Assert.Equal(400, (int)(await admin.GetAsync("/api/complaints?dueFrom=besok")).StatusCode);
    }

    [Fact]
    public async Task Ordered_by_due_the_list_puts_the_running_deadline_soonest_first_and_closed_complaints_after()
    {
        var admin = fx.Admin();
        var filed = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            filed.Add((await fx.Anonymous().FileAsync(Complaints.Body("pkl", CikiniLat + 0.002, CikiniLon - 0.002 * i))).Id);
        }
        // Filed in this order; due in another: the second is overdue, the fourth is closed (rejected).
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, due) in new[] { (filed[0], now.AddDays(5)), (filed[1], now.AddDays(-1)), (filed[2], now.AddDays(1)) })
        {
            await fx.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE complaints SET \"VerificationDueAt\" = {due} WHERE \"Id\" = {id}"));
        }
        await (await admin.PostJsonAsync($"/api/complaints/{filed[3]}/reject", new { reason = "laporan tidak jelas" })).OkJsonAsync();

        var listed = (await (await admin.GetAsync($"/api/complaints?unitId={InMemoryUnitRegistry.Cikini}&pageSize=200&order=due")).OkJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(filed.Contains).ToList();
        Assert.Equal([filed[1], filed[2], filed[0], filed[3]], listed);
        // The default stays newest first.
        var newest = (await (await admin.GetAsync($"/api/complaints?unitId={InMemoryUnitRegistry.Cikini}&pageSize=200")).OkJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(filed.Contains).ToList();
        Assert.Equal([filed[3], filed[2], filed[1], filed[0]], newest);
        Assert.Equal(400, (int)(await admin.GetAsync("/api/complaints?order=deadline")).StatusCode);
    }

    [Fact]
    public async Task Statistics_per_unit_count_statuses_channels_sla_share_and_rating()
    {
        var admin = fx.Admin();
        var a = await fx.Anonymous().FileAsync(Complaints.Body("sampah", CikiniLat, CikiniLon, channel: "whatsapp"));
        await fx.Anonymous().FileAsync(Complaints.Body("banjir", CikiniLat + 0.003, CikiniLon, channel: "jaki"));
        await (await admin.PostJsonAsync($"/api/complaints/{a.Id}/verify")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{a.Id}/dispose", new { reason = "lokasi" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{a.Id}/start")).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{a.Id}/answer", new { answer = "diangkut" })).OkJsonAsync();
        await (await admin.PostJsonAsync($"/api/complaints/{a.Id}/confirm")).OkJsonAsync();
        await (await fx.Anonymous().PostJsonAsync($"/api/complaints/track/{a.TrackingNumber}/rate", new { rating = 4, secret = a.Secret })).OkJsonAsync();

        var today = DateTimeOffset.UtcNow.AddHours(7);
        var url = $"/api/complaints/statistics?unitId={InMemoryUnitRegistry.Cikini}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var stats = await (await fx.As("unit-staff", InMemoryUnitRegistry.Cikini).GetAsync(url)).OkJsonAsync();
        Assert.Equal(2, stats.GetProperty("total").GetInt32());
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("Selesai").GetInt32());
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("Menunggu").GetInt32());
        Assert.Equal(1, stats.GetProperty("byChannel").GetProperty("whatsapp").GetInt32());
        Assert.Equal(1.0, stats.GetProperty("shareAnsweredWithinSla").GetDouble());
        Assert.Equal(0.0, stats.GetProperty("medianWorkingDaysToResolve").GetDouble());
        Assert.Equal(4.0, stats.GetProperty("averageRating").GetDouble());

        // Served from the cache the second time: same computation time.
        var again = await (await admin.GetAsync(url)).OkJsonAsync();
        Assert.Equal(stats.Str("computedAt"), again.Str("computedAt"));

        // Another unit's staff may not read Cikini's numbers.
        Assert.Equal(403, (int)(await fx.As("unit-staff", InMemoryUnitRegistry.Kwitang).GetAsync(url)).StatusCode);
        Assert.Equal(400, (int)(await admin.GetAsync("/api/complaints/statistics?from=2026-05-01&to=2026-01-01")).StatusCode);
    }

    [Fact]
    public async Task Reports_of_the_same_place_and_category_are_flagged_and_can_be_merged()
    {
        var lat = -6.1812;
        var lon = 106.8420;
        var first = await fx.Anonymous().FileAsync(Complaints.Body("penerangan-jalan", lat, lon));
        var second = await fx.Anonymous().FileAsync(Complaints.Body("penerangan-jalan", lat + 0.0005, lon)); // ~55 m
        var elsewhere = await fx.Anonymous().FileAsync(Complaints.Body("penerangan-jalan", lat + 0.003, lon)); // ~330 m

        var admin = fx.Admin();
        var dupes = await (await admin.GetAsync("/api/complaints/duplicates")).OkJsonAsync();
        var pair = Assert.Single(dupes.EnumerateArray(), d => d.GetProperty("complaint").GetProperty("id").GetGuid() == second.Id);
        Assert.Equal(first.Id, pair.GetProperty("probableOriginal").GetProperty("id").GetGuid());
        Assert.DoesNotContain(dupes.EnumerateArray(), d => d.GetProperty("complaint").GetProperty("id").GetGuid() == elsewhere.Id);
        Assert.Equal(403, (int)(await fx.As("unit-staff", InMemoryUnitRegistry.Kwitang).GetAsync("/api/complaints/duplicates")).StatusCode);

        var merged = await (await admin.PostJsonAsync($"/api/complaints/{second.Id}/merge", new { targetId = first.Id })).OkJsonAsync();
        Assert.Equal("Diarsipkan", merged.Str("status"));

        var secondPage = await (await fx.Anonymous().GetAsync($"/api/complaints/track/{second.TrackingNumber}")).OkJsonAsync();
        Assert.Equal(first.TrackingNumber, secondPage.Str("mergedIntoTrackingNumber"));
        var firstPage = await (await fx.Anonymous().GetAsync($"/api/complaints/track/{first.TrackingNumber}")).OkJsonAsync();
        Assert.Equal(1, firstPage.GetProperty("mergedCount").GetInt32());
        Assert.Contains(firstPage.GetProperty("history").EnumerateArray(), h => h.Str("action") == "merge");

        Assert.Equal(409, (int)(await admin.PostJsonAsync($"/api/complaints/{second.Id}/merge", new { targetId = first.Id })).StatusCode);
        Assert.Equal(400, (int)(await admin.PostJsonAsync($"/api/complaints/{first.Id}/merge", new { })).StatusCode);
    }

    [Fact]
    public async Task A_list_of_more_than_ten_thousand_stops_counting_says_so_and_still_pages_by_deadline()
    {
        // 10,050 closed copies of one complaint, filed in 2020 under a category of their own: nobody else's list or
        // count sees them, and they are gone again at the end.
        const string category = "uji-batas-hitung";
        var template = await fx.Anonymous().FileAsync(Complaints.Body("pkl", CikiniLat - 0.002, CikiniLon + 0.002));
        var copy = $$"""
            DO $copy$
            DECLARE t text;
            BEGIN
              FOREACH t IN ARRAY ARRAY['complaints', 'complaint_reporters'] LOOP
                EXECUTE (SELECT format('INSERT INTO %I (%s) SELECT %s FROM %I c CROSS JOIN generate_series(1, 10050) g WHERE c.%I = %L',
                    t, string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position),
                    string_agg(CASE column_name
                        WHEN 'Id' THEN 'md5(''{{template.Id}}'' || g)::uuid'
                        WHEN 'ComplaintId' THEN 'md5(''{{template.Id}}'' || g)::uuid'
                        WHEN 'TrackingNumber' THEN '''CAP-'' || substr(md5(random()::text), 1, 12)'
                        WHEN 'Category' THEN '''{{category}}'''
                        WHEN 'Status' THEN '''Selesai'''
                        WHEN 'FiledAt' THEN 'timestamptz ''2020-01-01'' + g * interval ''1 minute'''
                        ELSE format('c.%I', column_name) END, ', ' ORDER BY ordinal_position),
                    t, CASE t WHEN 'complaints' THEN 'Id' ELSE 'ComplaintId' END, '{{template.Id}}')
                  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t AND is_generated = 'NEVER');
              END LOOP;
            END $copy$;
            """;
        const string remove = $"""
            DELETE FROM complaint_reporters r USING complaints c WHERE r."ComplaintId" = c."Id" AND c."Category" = '{category}';
            DELETE FROM complaints WHERE "Category" = '{category}';
            """;
        await fx.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(copy));
        try
        {
            var admin = fx.Admin();
            var page = await (await admin.GetAsync($"/api/complaints?category={category}&pageSize=5")).OkJsonAsync();
            Assert.Equal(10_000, page.GetProperty("total").GetInt32());
            Assert.True(page.GetProperty("totalCapped").GetBoolean());
            Assert.Equal(5, page.GetProperty("items").GetArrayLength());

            // Past the count the pages go on, and a narrower filter is counted exactly again.
            var far = await (await admin.GetAsync($"/api/complaints?category={category}&pageSize=20&page=503&order=due")).OkJsonAsync();
            Assert.Equal(10, far.GetProperty("items").GetArrayLength());
            var narrow = await (await admin.GetAsync($"/api/complaints?category={category}&pageSize=1&to=2020-01-01")).OkJsonAsync();
            Assert.False(narrow.GetProperty("totalCapped").GetBoolean());
            Assert.InRange(narrow.GetProperty("total").GetInt32(), 1, 1440);
        }
        finally
        {
            await fx.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(remove));
        }
    }
}
