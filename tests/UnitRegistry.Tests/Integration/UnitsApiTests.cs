using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tinjau.UnitRegistry.Api.Data;

namespace Tinjau.UnitRegistry.Tests.Integration;

[Collection(IntegrationCollection.Name)]
public class UnitsApiTests(UnitRegistryAppFixture app)
{
    private HttpClient Client => app.Client;

    private static async Task<JsonElement> Body(HttpResponseMessage r) =>
        JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task AssertProblem(HttpResponseMessage r, HttpStatusCode status)
    {
        await r.Content.LoadIntoBufferAsync();
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = await Body(r);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Seeded_Jakarta_Pusat_has_8_kecamatan_and_44_kelurahan()
    {
        var kota = await Body(await Client.GetAsync("/api/units/by-code/31.71"));
        Assert.Equal("Kota Administrasi Jakarta Pusat", kota.GetProperty("name").GetString());
        var id = kota.GetProperty("id").GetGuid();

        var children = await Client.GetFromJsonAsync<JsonElement[]>($"/api/units/{id}/children");
        Assert.Equal(8, children!.Count(c => c.GetProperty("type").GetString() == "kecamatan"));
        Assert.Contains(children!, c => c.GetProperty("code").GetString() == "31.71.PTSP");

        var subtree = await Client.GetFromJsonAsync<JsonElement[]>($"/api/units/{id}/subtree");
        var kelurahan = subtree!.Where(u => u.GetProperty("type").GetString() == "kelurahan").ToArray();
        Assert.Equal(44, kelurahan.Length);
        Assert.All(kelurahan, k => Assert.Equal(2, k.GetProperty("depth").GetInt32()));

        var page = await Client.GetFromJsonAsync<JsonElement>("/api/units?type=kelurahan&q=31.71.&pageSize=10");
        Assert.Equal(44, page.GetProperty("total").GetInt32());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());

        var holidays = await Client.GetFromJsonAsync<JsonElement[]>("/api/calendar/holidays?year=2026");
        Assert.Contains(holidays!, h => h.GetProperty("date").GetString() == "2026-08-17");
        Assert.Contains(holidays!, h => h.GetProperty("kind").GetString() == "cuti-bersama" && h.GetProperty("needsReview").GetBoolean());
    }

    [Fact]
    public async Task Ancestors_of_Kwitang_are_Senen_and_the_kota()
    {
        var kwitang = await Body(await Client.GetAsync("/api/units/by-code/31.71.04.1002"));
        var ancestors = await Client.GetFromJsonAsync<JsonElement[]>($"/api/units/{kwitang.GetProperty("id").GetGuid()}/ancestors");
        Assert.Equal(["31.71", "31.71.04"], ancestors!.Select(a => a.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Locating_a_point_in_Kwitang_gives_Kwitang()
    {
        var found = await Client.GetFromJsonAsync<JsonElement>("/api/units/locate?lat=-6.1826&lon=106.8412");
        Assert.Equal("Kelurahan Kwitang", found.GetProperty("kelurahan").GetProperty("name").GetString());
        Assert.Equal("31.71.04.1002", found.GetProperty("kelurahan").GetProperty("code").GetString());
        Assert.True(found.GetProperty("distanceKm").GetDouble() < 0.01);

        await AssertProblem(await Client.GetAsync("/api/units/locate?lat=-6.9175&lon=107.6191"), HttpStatusCode.NotFound);
        var bad = await Client.GetAsync("/api/units/locate?lat=-96&lon=106.8");
        await AssertProblem(bad, HttpStatusCode.BadRequest);
        Assert.True((await Body(bad)).GetProperty("errors").TryGetProperty("lat", out _));
        await AssertProblem(await Client.GetAsync("/api/units/locate?lat=abc&lon=106.8"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_get_update_deactivate()
    {
        var kota = await app.CreateKotaAsync();
        var kotaId = kota.GetProperty("id").GetGuid();
        var kotaCode = kota.GetProperty("code").GetString();

        var created = await Client.PostAsJsonAsync("/api/units", new
        {
            code = $"{kotaCode}.01",
            name = "Kecamatan Uji",
            type = "kecamatan",
            parentId = kotaId,
            address = "Jl. Uji 1",
            location = new { latitude = -6.2, longitude = 106.8 },
            timeZone = "WIT",
            contacts = new[] { new { kind = "phone", value = "021-123" } },
            head = new { name = "Budi", title = "Camat" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await Body(created);
        var id = unit.GetProperty("id").GetGuid();
        Assert.Equal($"/api/units/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Asia/Jayapura", unit.GetProperty("timeZone").GetString());
        Assert.Equal("WIT", unit.GetProperty("timeZoneAbbreviation").GetString());

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}");
        Assert.Equal("Kecamatan Uji", fetched.GetProperty("name").GetString());
        Assert.Equal("Camat", fetched.GetProperty("head").GetProperty("title").GetString());

        var updated = await Client.PutAsJsonAsync($"/api/units/{id}", new
        {
            name = "Kecamatan Uji Baru",
            type = "kecamatan",
            parentId = kotaId,
            timeZone = "WITA",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Asia/Makassar", (await Body(updated)).GetProperty("timeZone").GetString());

        var deactivated = await Client.PostAsync($"/api/units/{id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await Body(deactivated)).GetProperty("isActive").GetBoolean());
        await AssertProblem(await Client.PostAsync($"/api/units/{id}/deactivate", null), HttpStatusCode.Conflict);
        var active = await Client.GetFromJsonAsync<JsonElement>($"/api/units?parentId={kotaId}&active=false");
        Assert.Equal(1, active.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_unit_with_active_children_cannot_be_deactivated()
    {
        var kota = await app.CreateKotaAsync();
        var child = await Client.PostAsJsonAsync("/api/units", new
        {
            code = $"{kota.GetProperty("code").GetString()}.UPT",
            name = "UPT Uji",
            type = "upt",
            parentId = kota.GetProperty("id").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        await AssertProblem(await Client.PostAsync($"/api/units/{kota.GetProperty("id").GetGuid()}/deactivate", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_conflict()
    {
        var code = UnitRegistryAppFixture.NextKotaCode();
        await app.CreateKotaAsync(code);
        var again = await Client.PostAsJsonAsync("/api/units", new { code, name = "Lagi", type = "kota" });
        await AssertProblem(again, HttpStatusCode.Conflict);
        await AssertProblem(await Client.PostAsJsonAsync("/api/units", new { code = "31.71", name = "Lagi", type = "kota" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_parent_that_makes_a_cycle_is_a_conflict()
    {
        var kota = await app.CreateKotaAsync();
        var code = kota.GetProperty("code").GetString();
        async Task<Guid> Create(string suffix, Guid parent)
        {
            var r = await Client.PostAsJsonAsync("/api/units", new { code = $"{code}.{suffix}", name = suffix, type = "other", parentId = parent });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await Body(r)).GetProperty("id").GetGuid();
        }
        var a = await Create("A", kota.GetProperty("id").GetGuid());
        var b = await Create("B", a);
        var c = await Create("C", b);

        await AssertProblem(await Client.PutAsJsonAsync($"/api/units/{a}", new { name = "A", type = "other", parentId = c }), HttpStatusCode.Conflict);
        await AssertProblem(await Client.PutAsJsonAsync($"/api/units/{a}", new { name = "A", type = "other", parentId = a }), HttpStatusCode.Conflict);
        var ok = await Client.PutAsJsonAsync($"/api/units/{c}", new { name = "C", type = "other", parentId = a });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var id = Guid.NewGuid();
        await AssertProblem(await Client.GetAsync($"/api/units/{id}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/api/units/{id}/children"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/api/units/{id}/subtree"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync("/api/units/by-code/77.77"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.PutAsJsonAsync($"/api/units/{id}", new { name = "x", type = "other" }), HttpStatusCode.NotFound);
        await AssertProblem(await Client.PostAsync($"/api/units/{id}/deactivate", null), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/api/units/{id}/service-hours"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_gives_field_errors()
    {
        var r = await Client.PostAsJsonAsync("/api/units", new
        {
            code = "not a code",
            name = "",
            type = "province",
            timeZone = "UTC",
            location = new { latitude = 100.0 },
            parentId = Guid.NewGuid(),
        });
        await AssertProblem(r, HttpStatusCode.BadRequest);
        var errors = (await Body(r)).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "type", "timeZone", "location.latitude", "location.longitude", "parentId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var kelurahanUnderKota = await Client.PostAsJsonAsync("/api/units", new
        {
            code = "31.71.09.1001",
            name = "Salah",
            type = "kelurahan",
            parentId = (await Client.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71")).GetProperty("id").GetGuid(),
        });
        await AssertProblem(kelurahanUnderKota, HttpStatusCode.BadRequest);
        Assert.True((await Body(kelurahanUnderKota)).GetProperty("errors").TryGetProperty("parentId", out _));

        await AssertProblem(await Client.GetAsync("/api/units?pageSize=0"), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.GetAsync("/api/units?type=province"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"code\": \"88.99\", \"name\": ")]
    [InlineData("{\"code\": 5, \"name\": \"x\", \"type\": \"kota\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_json_is_a_bad_request(string json)
    {
        var r = await Client.PostAsync("/api/units", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblem(r, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cached_reads_are_invalidated_by_an_update()
    {
        var kota = await app.CreateKotaAsync();
        var id = kota.GetProperty("id").GetGuid();
        Assert.Equal($"Kota Uji {kota.GetProperty("code").GetString()}", (await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}")).GetProperty("name").GetString());
        Assert.Equal($"Kota Uji {kota.GetProperty("code").GetString()}", (await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}")).GetProperty("name").GetString());

        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(app.Infrastructure.RedisConnectionString);
        var keys = redis.GetServers().Single().Keys(pattern: $"unitregistry:*unit:{id}").ToList();
        Assert.NotEmpty(keys); // the read was cached

        var updated = await Client.PutAsJsonAsync($"/api/units/{id}", new { name = "Kota Berganti Nama", type = "kota" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Kota Berganti Nama", (await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}")).GetProperty("name").GetString());
        Assert.Equal("Kota Berganti Nama", (await Client.GetFromJsonAsync<JsonElement>($"/api/units/by-code/{kota.GetProperty("code").GetString()}")).GetProperty("name").GetString());
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task After_a_Redis_outage_nothing_cached_before_it_is_served()
    {
        // A change that could not invalidate the cache (here: written to the database behind the service's back while
        // Redis is down) must not be hidden by the memory copy (30 s) or the Redis copy (5 min) once Redis is back.
        var kota = await app.CreateKotaAsync();
        var id = kota.GetProperty("id").GetGuid();
        Assert.Equal(kota.GetProperty("name").GetString(), (await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}")).GetProperty("name").GetString());
        await app.Infrastructure.StopServerAsync(ResourceNames.Cache);
        try
        {
            using var scope = app.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<UnitRegistryDbContext>().Units.Where(u => u.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Kota Selama Gangguan"));
        }
        finally
        {
            await app.Infrastructure.StartServerAsync(ResourceNames.Cache);
        }
        await Eventually.TrueAsync(async () =>
            (await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}")).GetProperty("name").GetString() == "Kota Selama Gangguan",
            TimeSpan.FromSeconds(20), "the unit's new name once Redis is back");
    }

    [Fact]
    public async Task UnitRegistered_is_consumed_into_the_directory()
    {
        var kota = await app.CreateKotaAsync();
        var kotaCode = kota.GetProperty("code").GetString();
        var created = await Client.PostAsJsonAsync("/api/units", new
        {
            code = $"{kotaCode}.01",
            name = "Kecamatan Proyeksi",
            type = "kecamatan",
            parentId = kota.GetProperty("id").GetGuid(),
        });
        var id = (await Body(created)).GetProperty("id").GetGuid();

        var entry = await Eventually.GetAsync(async () =>
        {
            var r = await Client.GetAsync($"/api/units/{id}/directory-entry");
            return r.IsSuccessStatusCode ? (object)await Body(r) : null;
        }, TimeSpan.FromSeconds(30), "the directory entry projected from UnitRegistered");
        var e = (JsonElement)entry;
        Assert.Equal($"{kotaCode}/{kotaCode}.01", e.GetProperty("codePath").GetString());
        Assert.Equal(1, e.GetProperty("depth").GetInt32());
        Assert.Contains("Kecamatan Proyeksi", e.GetProperty("namePath").GetString());
    }

    [Fact]
    public async Task Beyond_the_loaded_years_fixed_holidays_count_Islamic_ones_are_estimated_and_answers_warn()
    {
        var r = await Body(await Client.PostAsJsonAsync("/api/calendar/working-days/add", new { timeZone = "WIB", from = "2026-12-31T10:00:00+07:00", days = 1 }));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(7)), r.GetProperty("result").GetDateTimeOffset());
        Assert.Contains("2027", r.GetProperty("warning").GetString());
        Assert.False(r.GetProperty("usedEstimate").GetBoolean());

        var idulFitri = await Body(await Client.PostAsJsonAsync("/api/calendar/working-days/add", new { timeZone = "WIB", from = "2027-03-08T10:00:00+07:00", days = 1 }));
        Assert.Equal(new DateTimeOffset(2027, 3, 11, 10, 0, 0, TimeSpan.FromHours(7)), idulFitri.GetProperty("result").GetDateTimeOffset());
        Assert.True(idulFitri.GetProperty("usedEstimate").GetBoolean());

        var holidays = await Client.GetFromJsonAsync<JsonElement[]>("/api/calendar/holidays?year=2030");
        Assert.Contains(holidays!, h => h.GetProperty("date").GetString() == "2030-08-17" && h.GetProperty("source").GetString() == "fixed-date");
        Assert.Contains(holidays!, h => h.GetProperty("source").GetString() == "estimate" && h.GetProperty("needsReview").GetBoolean());

        // Admins are told when next year's SKB is missing (from July on).
        var coverage = await Body(await Client.GetAsync("/api/calendar/coverage"));
        Assert.Contains(2026, coverage.GetProperty("skbYears").EnumerateArray().Select(y => y.GetInt32()));
        var nextMissing = !coverage.GetProperty("nextYearLoaded").GetBoolean();
        var current = coverage.GetProperty("currentYear").GetInt32();
        if (nextMissing && current == DateTime.UtcNow.Year && DateTime.UtcNow.Month >= 7)
        {
            Assert.Contains((current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), coverage.GetProperty("warning").GetString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.GetAsync("/api/calendar/coverage")).StatusCode);
    }

    [Fact]
    public async Task Working_days_are_added_across_holidays()
    {
        var r = await Client.PostAsJsonAsync("/api/calendar/working-days/add", new { timeZone = "WIB", from = "2026-03-17T10:00:00+07:00", days = 1 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await Body(r);
        Assert.Equal(new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.FromHours(7)), body.GetProperty("result").GetDateTimeOffset());
        Assert.Equal(7, body.GetProperty("skipped").GetArrayLength());

        var kwitang = await Client.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002");
        var byUnit = await Body(await Client.PostAsJsonAsync("/api/calendar/working-days/add",
            new { unitId = kwitang.GetProperty("id").GetGuid(), from = "2025-12-31T09:00", days = 1 }));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.FromHours(7)), byUnit.GetProperty("result").GetDateTimeOffset());

        var count = await Client.GetFromJsonAsync<JsonElement>("/api/calendar/working-days/count?from=2026-03-17&to=2026-03-31&timeZone=WIB");
        Assert.Equal(5, count.GetProperty("workingDays").GetInt32());

        await AssertProblem(await Client.PostAsJsonAsync("/api/calendar/working-days/add", new { timeZone = "PST", from = "x" }), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.PostAsJsonAsync("/api/calendar/working-days/add", new { unitId = Guid.NewGuid(), from = "2026-01-01", days = 1 }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Service_hours_check_uses_the_units_zone_and_Ramadan_hours()
    {
        var kwitang = await Client.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002");
        var id = kwitang.GetProperty("id").GetGuid();
        var normal = await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}/service-hours/check?at={Uri.EscapeDataString("2026-03-30T15:30:00+07:00")}");
        Assert.True(normal.GetProperty("isOpen").GetBoolean());
        var ramadan = await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}/service-hours/check?at={Uri.EscapeDataString("2026-03-02T08:30:00Z")}");
        Assert.False(ramadan.GetProperty("isOpen").GetBoolean());
        Assert.Equal("Ramadan 1447 H", ramadan.GetProperty("reason").GetString());

        var kota = await app.CreateKotaAsync();
        var kotaId = kota.GetProperty("id").GetGuid();
        var put = await Client.PutAsJsonAsync($"/api/units/{kotaId}/service-hours", new
        {
            openOnHolidays = true,
            weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(d => new { day = d, allDay = true }),
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var night = await Client.GetFromJsonAsync<JsonElement>($"/api/units/{kotaId}/service-hours/check?at=2026-08-17T02:00");
        Assert.True(night.GetProperty("isOpen").GetBoolean());

        var bad = await Client.PutAsJsonAsync($"/api/units/{kotaId}/service-hours", new
        {
            weekly = new[] { new { day = "funday", ranges = new[] { new { opens = "16:00", closes = "08:00" } } } },
        });
        await AssertProblem(bad, HttpStatusCode.BadRequest);
        Assert.True((await Body(bad)).GetProperty("errors").TryGetProperty("weekly[0].day", out _));
    }

    [Fact]
    public async Task Service_catalogue_holds_the_standard_and_the_maklumat()
    {
        var kota = await app.CreateKotaAsync();
        var id = kota.GetProperty("id").GetGuid();
        var service = new
        {
            name = "Surat Keterangan Domisili",
            standard = new
            {
                requirements = new[] { "KTP", "KK" },
                procedure = "Ajukan di loket",
                time = "1 hari kerja",
                timeLimitWorkingDays = 1,
                cost = "Gratis",
                product = "Surat keterangan",
                complaintHandling = "JAKI / CRM",
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync($"/api/units/{id}/services", service)).StatusCode);
        await AssertProblem(await Client.PostAsJsonAsync($"/api/units/{id}/services", service), HttpStatusCode.Conflict);
        var incomplete = await Client.PostAsJsonAsync($"/api/units/{id}/services", new { name = "X", standard = new { procedure = "y" } });
        await AssertProblem(incomplete, HttpStatusCode.BadRequest);
        Assert.True((await Body(incomplete)).GetProperty("errors").TryGetProperty("standard.complaintHandling", out _));
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/units/{id}/maklumat",
            new { text = "Kami sanggup menyelenggarakan pelayanan sesuai standar", declaredOn = "2026-01-02" })).StatusCode);

        var catalogue = await Client.GetFromJsonAsync<JsonElement>($"/api/units/{id}/services");
        Assert.Equal(1, catalogue.GetProperty("services").GetArrayLength());
        Assert.Equal("Gratis", catalogue.GetProperty("services")[0].GetProperty("standard").GetProperty("cost").GetString());
        Assert.StartsWith("Kami sanggup", catalogue.GetProperty("maklumat").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Csv_import_is_all_or_nothing()
    {
        var kotaCode = UnitRegistryAppFixture.NextKotaCode();
        var bad = $"""
            code,name,type,parent_code,latitude,longitude,time_zone
            {kotaCode},Kota Impor,kota,,,,WIB
            {kotaCode}.01,Kecamatan Impor,kecamatan,{kotaCode},-6.2,106.8,WIB
            {kotaCode}.01.1001,Kelurahan Impor,kelurahan,{kotaCode}.01,abc,106.8,WIB
            {kotaCode}.01.1002,,planet,{kotaCode}.01,,,
            {kotaCode}.01,Dobel,kecamatan,{kotaCode},,,
            """;
        var r = await Client.PostAsync("/api/units/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        await AssertProblem(r, HttpStatusCode.BadRequest);
        var body = await Body(r);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[4].latitude", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[5].name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[5].type", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[6].code", out _), errors.ToString());
        Assert.Contains(body.GetProperty("rowErrors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 4);
        await AssertProblem(await Client.GetAsync($"/api/units/by-code/{kotaCode}"), HttpStatusCode.NotFound); // nothing imported

        var good = $"""
            code,name,type,parent_code,latitude,longitude,time_zone
            {kotaCode}.01.1001,Kelurahan Impor,kelurahan,{kotaCode}.01,-6.21,106.81,WIB
            {kotaCode}.01,Kecamatan Impor,kecamatan,{kotaCode},-6.2,106.8,WIB
            {kotaCode},Kota Impor,kota,,,,WITA
            """;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(good, Encoding.UTF8, "text/csv"), "file", "units.csv");
        var ok = await Client.PostAsync("/api/units/import", form);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(3, (await Body(ok)).GetProperty("imported").GetInt32());
        var kel = await Client.GetFromJsonAsync<JsonElement>($"/api/units/by-code/{kotaCode}.01.1001");
        var ancestors = await Client.GetFromJsonAsync<JsonElement[]>($"/api/units/{kel.GetProperty("id").GetGuid()}/ancestors");
        Assert.Equal([kotaCode, $"{kotaCode}.01"], ancestors!.Select(a => a.GetProperty("code").GetString()));

        var again = await Client.PostAsync("/api/units/import", new StringContent(good, Encoding.UTF8, "text/csv"));
        await AssertProblem(again, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_openapi_document_and_health_are_served()
    {
        var doc = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/units/locate", out _));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/scalar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/alive")).StatusCode);
    }
}
