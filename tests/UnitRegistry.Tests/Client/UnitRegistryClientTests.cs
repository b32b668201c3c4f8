using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tinjau.UnitRegistry.Client;

namespace Tinjau.UnitRegistry.Tests.Client;

/// <summary>The one registry client reads the unit registry's answers as that service writes them (the JSON of its Apis/).</summary>
public sealed class UnitRegistryClientTests
{
    private static readonly Guid Kwitang = Guid.Parse("0b9a4bd4-5a0c-4b55-8d55-1c4ef8d0a001");
    private static readonly Guid Senen = Guid.Parse("0b9a4bd4-5a0c-4b55-8d55-1c4ef8d0a002");

    private static readonly string UnitJson = $$"""
        {"id":"{{Kwitang}}","code":"31.71.05.1002","name":"Kwitang","type":"kelurahan","parentId":"{{Senen}}","address":null,
         "location":{"latitude":-6.1826,"longitude":106.8412},"timeZone":"Asia/Jakarta","timeZoneAbbreviation":"WIB","isActive":true,
         "contacts":[],"head":null,"createdAt":"2026-11-01T00:00:00+00:00","updatedAt":"2026-11-01T00:00:00+00:00"}
        """;

    private sealed class Stub : HttpMessageHandler
    {
        /// <summary>While true every request fails as a connection refused does.</summary>
        public bool Down { get; set; }

        public List<HttpRequestMessage> Requests { get; } = [];
        public List<string?> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
            if (Down)
            {
                throw new HttpRequestException("connection refused (stub)");
            }
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/calendar/holidays" && request.RequestUri.Query.Contains("year=2027"))
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }
            var json = path switch
            {
                "/api/units/locate" when request.RequestUri.Query.Contains("lat=-6.183") =>
                    $$"""{"kelurahan":{{UnitJson}},"distanceKm":0.05,"maxDistanceKm":3,"rule":"nearest centroid"}""",
                "/api/units/locate" => null,
                "/api/calendar/working-days/add" =>
                    """{"from":"2026-11-06T00:00:00+07:00","days":3,"timeZone":"Asia/Jakarta","result":"2026-11-11T00:00:00+07:00","skipped":[],"holidayDataYears":[2026],"warning":null}""",
                "/api/calendar/working-days/count" =>
                    """{"from":"2026-11-06T00:00:00+07:00","to":"2026-11-10T00:00:00+07:00","timeZone":"Asia/Jakarta","workingDays":2,"holidayDataYears":[2026],"warning":null}""",
                _ when path.EndsWith("/subtree", StringComparison.Ordinal) =>
                    $$"""[{"id":"{{Senen}}","code":"31.71.05","name":"Senen","type":"kecamatan","parentId":null,"isActive":true,"depth":0},{"id":"{{Kwitang}}","code":"31.71.05.1002","name":"Kwitang","type":"kelurahan","parentId":"{{Senen}}","isActive":true,"depth":1}]""",
                _ when path == $"/api/units/{Kwitang}" => UnitJson,
                "/api/units/by-code/31.71.05.1002" => UnitJson,
                _ when path == $"/api/units/{Kwitang}/ancestors" => $"[{UnitJson.Replace(Kwitang.ToString(), Senen.ToString())}]",
                _ when path == $"/api/units/{Kwitang}/service-hours/check" =>
                    $$"""{"unitId":"{{Kwitang}}","at":"2026-11-09T02:00:00+00:00","localTime":"2026-11-09T09:00:00","timeZone":"Asia/Jakarta","isOpen":true,"source":"weekly","reason":null,"todaysHours":"08:00–16:00"}""",
                "/api/calendar/holidays" =>
                    """[{"id":null,"date":"2026-01-01","name":"Tahun Baru Masehi","kind":"national","needsReview":false,"source":"fixed-date"},{"id":"0b9a4bd4-5a0c-4b55-8d55-1c4ef8d0a0ff","date":"2026-03-20","name":"Idul Fitri","kind":"national","needsReview":false,"source":"skb"}]""",
                "/api/units" => $$"""{"items":[{{UnitJson}}],"page":1,"pageSize":500,"total":1}""",
                _ => null,
            };
            return json is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }

    private static (HttpUnitRegistryClient, Stub) Client()
    {
        var stub = new Stub();
        var cache = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>();
        return (new HttpUnitRegistryClient(new HttpClient(stub) { BaseAddress = new Uri(HttpUnitRegistryClient.BaseAddress) }, cache,
            Options.Create(new UnitRegistryClientOptions()), NullLogger<HttpUnitRegistryClient>.Instance), stub);
    }

    [Fact]
    public async Task Units_are_read_and_cached()
    {
        var (registry, stub) = Client();
        var unit = await registry.GetUnitAsync(Kwitang, default);
        Assert.Equal(new UnitInfo(Kwitang, "31.71.05.1002", "Kwitang", "kelurahan", Senen, "Asia/Jakarta", -6.1826, 106.8412), unit);
        await registry.GetUnitAsync(Kwitang, default);
        Assert.Single(stub.Requests);
        Assert.Null(await registry.GetUnitAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Locate_reads_the_kelurahan_and_a_miss_is_null()
    {
        var (registry, stub) = Client();
        Assert.Equal(Kwitang, (await registry.LocateKelurahanAsync(-6.183, 106.8415, default))!.Id);
        Assert.Contains("lat=-6.183&lon=106.8415", stub.Requests[0].RequestUri!.Query);
        Assert.Null(await registry.LocateKelurahanAsync(-6.3, 106.7, default));
    }

    [Fact]
    public async Task Subtree_and_calendar_calls_use_the_registry_routes()
    {
        var (registry, stub) = Client();
        Assert.Equal([Senen, Kwitang], await registry.GetSubtreeAsync(Senen, default));
        Assert.Equal(new DateOnly(2026, 11, 11), await registry.AddWorkingDaysAsync(Kwitang, new DateOnly(2026, 11, 6), 3, default));
        Assert.Contains("\"from\":\"2026-11-06\"", stub.Bodies[1]);
        Assert.Contains("\"days\":3", stub.Bodies[1]);
        Assert.Equal(2, await registry.CountWorkingDaysAsync(Kwitang, new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 10), default));
        Assert.Equal(HttpMethod.Get, stub.Requests[2].Method);
        Assert.Contains($"unitId={Kwitang}", stub.Requests[2].RequestUri!.Query);
    }

    [Fact]
    public async Task A_unit_is_found_by_code_and_an_unknown_unit_is_not_kept()
    {
        var (registry, stub) = Client();
        Assert.Equal(Kwitang, (await registry.GetUnitByCodeAsync("31.71.05.1002", default))!.Id);
        var unknown = Guid.NewGuid();
        Assert.Null(await registry.GetUnitAsync(unknown, default));
        Assert.Null(await registry.GetUnitAsync(unknown, default));
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Service_hours_ancestry_holidays_and_the_directory_are_read()
    {
        var (registry, stub) = Client();
        Assert.True(await registry.IsInsideServiceHoursAsync(Kwitang, new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.FromHours(7)), default));
        Assert.True(await registry.IsDescendantAsync(Senen, Kwitang, default));
        Assert.False(await registry.IsDescendantAsync(Kwitang, Kwitang, default));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 20)], await registry.GetHolidaysAsync(2026, default));
        Assert.Equal([Kwitang], await registry.GetUnitIdsAsync(default));
        Assert.Contains("pageSize=500", stub.Requests[^1].RequestUri!.Query);
    }

    [Fact]
    public async Task Holidays_are_kept_but_a_year_the_registry_cannot_give_is_asked_again()
    {
        var (registry, stub) = Client();
        await registry.GetHolidaysAsync(2026, default);
        await registry.GetHolidaysAsync(2026, default);
        Assert.Single(stub.Requests);
        Assert.Null(await registry.GetHolidaysAsync(2027, default));
        Assert.Null(await registry.GetHolidaysAsync(2027, default));
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task When_the_registry_is_down_answers_it_must_give_are_unavailable_and_the_rest_cannot_tell()
    {
        var (registry, stub) = Client();
        stub.Down = true;
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.GetUnitAsync(Kwitang, default));
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.GetUnitByCodeAsync("31.71.05.1002", default));
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.LocateKelurahanAsync(-6.183, 106.8415, default));
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.GetSubtreeAsync(Senen, default));
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.AddWorkingDaysAsync(null, new DateOnly(2026, 11, 6), 3, default));
        await Assert.ThrowsAsync<UnitRegistryUnavailableException>(() => registry.CountWorkingDaysAsync(null, new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 10), default));
        Assert.Null(await registry.IsInsideServiceHoursAsync(Kwitang, DateTimeOffset.UtcNow, default));
        Assert.False(await registry.IsDescendantAsync(Senen, Kwitang, default));
        Assert.Null(await registry.GetHolidaysAsync(2026, default));
        Assert.Null(await registry.GetUnitIdsAsync(default));

        // Nothing failed was kept: once the registry is back, it is asked and answers.
        stub.Down = false;
        Assert.Equal(Kwitang, (await registry.GetUnitAsync(Kwitang, default))!.Id);
        Assert.NotNull(await registry.GetHolidaysAsync(2026, default));
    }
}
