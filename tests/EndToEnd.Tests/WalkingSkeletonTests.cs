using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tinjau.EndToEnd.Tests;

/// <summary>The whole chain through the public entry: gateway → service → PostgreSQL → outbox → RabbitMQ → consumer.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static int _counter;

    [Fact]
    public async Task The_gateway_lists_the_real_units_of_Jakarta_Pusat()
    {
        var kota = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71");
        Assert.Equal("Kota Administrasi Jakarta Pusat", kota.GetProperty("name").GetString());

        var subtree = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/units/{kota.GetProperty("id").GetGuid()}/subtree");
        var units = subtree.ValueKind == JsonValueKind.Array ? subtree : subtree.GetProperty("items");
        var types = units.EnumerateArray().Select(u => u.GetProperty("type").GetString()).ToList();
        Assert.Equal(8, types.Count(t => t == "kecamatan"));
        Assert.Equal(44, types.Count(t => t == "kelurahan"));

        var kwitang = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/units/locate?lat=-6.1826&lon=106.8412");
        Assert.Equal("31.71.04.1002", kwitang.GetProperty("kelurahan").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_unit_created_through_the_gateway_is_read_back_consumed_from_RabbitMQ_and_traced_as_one_trace()
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", "unitregistry");
        var code = $"87.{Interlocked.Increment(ref _counter):00}";
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        using var create = Platform.Authorized(HttpMethod.Post, "/api/units", token,
            new { code, name = $"Kota Uji Ujung {code}", type = "kota", timeZone = "WIB" });
        create.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var created = await platform.Gateway.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var read = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/units/{id}");
        Assert.Equal(code, read.GetProperty("code").GetString());

        // The registry's own UnitRegistered consumer writes the directory entry: the event went out through the
        // outbox to RabbitMQ and came back in.
        var entry = await Eventually.GetAsync(async () =>
        {
            using var response = await platform.Gateway.GetAsync($"/api/units/{id}/directory-entry");
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }, Deadline, "the UnitRegistered consumer's directory entry");
        Assert.Contains(code, entry);

        // One trace id from the gateway through the service and the outbox to the consumer, as exported over OTLP.
        var spans = await Eventually.GetAsync(async () =>
        {
            var trace = await platform.GetTraceAsync(traceId);
            var complete = trace.Any(s => s.Service == "gateway")
                           && trace.Any(s => s.Service == "unitregistry" && s.Name.StartsWith("POST", StringComparison.Ordinal))
                           && trace.Any(s => s.Name == "outbox publish UnitRegistered")
                           && trace.Any(s => s.Service == "unitregistry" && s.Name.Contains("unit-registered", StringComparison.Ordinal)
                                                                         && s.Name.EndsWith("process", StringComparison.Ordinal));
            return complete ? trace : null;
        }, Deadline, $"trace {traceId} to hold the gateway, service, outbox publish and consumer spans");
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
    }

    [Fact]
    public async Task The_gateway_turns_away_writes_without_a_token_or_by_a_non_admin_with_problem_details()
    {
        var body = new { code = "86.01", name = "Kota Tanpa Izin", type = "kota", timeZone = "WIB" };
        using var anonymous = await platform.Gateway.PostAsJsonAsync("/api/units", body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var citizen = await Platform.TokenAsync(platform.Gateway, "citizen@tinjau.local", "unitregistry");
        using var forbidden = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, "/api/units", citizen, body));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.GetAsync("/api/units/by-code/86.01")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_400_problem_with_field_errors()
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", "unitregistry");
        using var response = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, "/api/units", token,
            new { code = "", name = "", type = "planet", timeZone = "UTC+13" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Every_server_and_service_reports_healthy_to_the_AppHost()
    {
        foreach (var name in new[] { "postgres", "messaging", "cache", "identity", "unitregistry", "complaints", "inspections", "evaluations", "gateway" })
        {
            Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(name, out var resource), $"{name} is a resource");
            Assert.Equal(HealthStatus.Healthy, resource.Snapshot.HealthStatus);
        }

        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync("/health")).StatusCode);
    }
}
