using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// A citizen's complaint through the whole platform: filed over Open311 at a point in Kelurahan Kwitang, routed to
/// Kwitang by the unit registry, verified and disposed by the complaint admin, answered by Kwitang's staff, confirmed,
/// rated by the citizen, and its events consumed into the unit's live figures.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ComplaintsEndToEndTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_complaint_filed_over_Open311_in_Kwitang_is_routed_answered_confirmed_rated_and_its_events_consumed()
    {
        var gateway = platform.Gateway;
        var kwitang = (await gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002")).GetProperty("id").GetGuid();
        var before = await gateway.GetFromJsonAsync<JsonElement>($"/api/units/{kwitang}/complaint-stats");
        var citizen = await Platform.TokenAsync(gateway, "citizen@tinjau.local", "complaints");
        var admin = await Platform.TokenAsync(gateway, "complaint-admin@tinjau.local", "complaints");
        var staff = await Platform.TokenAsync(gateway, "staff.kwitang@tinjau.local", "complaints");

        // A FixMyStreet-style client posts a form; the citizen's token links the complaint to their account.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["service_code"] = "sampah",
                ["lat"] = "-6.1826",
                ["long"] = "106.8412",
                ["description"] = "Sampah menumpuk di depan gang sejak tiga hari, belum diangkut.",
            }),
        };
        post.Headers.Authorization = new("Bearer", citizen);
        using var filed = await gateway.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var created = (await filed.Content.ReadFromJsonAsync<JsonElement>())[0];
        var trackingNumber = created.GetProperty("service_request_id").GetString()!;
        var id = Guid.Parse(created.GetProperty("token").GetString()!);

        var request = (await gateway.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{trackingNumber}.json"))[0];
        Assert.Equal("Kelurahan Kwitang", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());

        await ActAsync(admin, id, "verify", new { note = "Lokasi jelas." });
        await ActAsync(admin, id, "dispose", new { unitId = kwitang, reason = "Wilayah Kelurahan Kwitang." });
        await ActAsync(staff, id, "start", null);
        await ActAsync(staff, id, "answer", new { answer = "Sampah sudah diangkut petugas PPSU pagi ini." });
        await ActAsync(admin, id, "confirm", null);

        using var rated = await gateway.SendAsync(Platform.Authorized(HttpMethod.Post, $"/api/complaints/track/{trackingNumber}/rate", citizen,
            new { rating = 5, comment = "Cepat." }));
        Assert.True(rated.IsSuccessStatusCode, $"rate: {(int)rated.StatusCode} {await rated.Content.ReadAsStringAsync()}");

        var tracking = await gateway.GetFromJsonAsync<JsonElement>($"/api/complaints/track/{trackingNumber}");
        Assert.Equal("Selesai", tracking.GetProperty("status").GetString());
        Assert.DoesNotContain("citizen@tinjau.local", tracking.GetRawText(), StringComparison.Ordinal);

        var xml = XDocument.Parse(await gateway.GetStringAsync($"/open311/v2/requests/{trackingNumber}.xml"));
        Assert.Equal("closed", xml.Descendants("status").Single().Value);

        // ComplaintRouted, ComplaintResolved and ComplaintRated went out through the outbox and RabbitMQ and were
        // consumed by the unit registry into Kwitang's live figures.
        await Eventually.TrueAsync(async () =>
        {
            var after = await gateway.GetFromJsonAsync<JsonElement>($"/api/units/{kwitang}/complaint-stats");
            return Delta(before, after, "received") >= 1 && Delta(before, after, "resolved") >= 1 && Delta(before, after, "ratings") >= 1;
        }, Deadline, "Kwitang's figures to count the complaint as received, resolved and rated");
    }

    [Fact]
    public async Task An_anonymous_reporter_and_the_tracking_secret_never_reach_the_dashboard_s_traces_or_logs()
    {
        var phone = $"+62 812 {Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}";
        var email = $"pelapor.{Guid.NewGuid():N}@contoh.id";
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(new
            {
                kind = "pengaduan",
                category = "sampah",
                description = "Loket pelayanan kosong pada jam kerja.",
                latitude = -6.1826,
                longitude = 106.8412,
                channel = "web",
                anonymous = true,
                reporter = new { name = "Warga Rahasia", email, phone },
            }),
        };
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var filed = await platform.Gateway.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var body = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("trackingSecret").GetString()!;
        var number = body.GetProperty("trackingNumber").GetString()!;
        // Following it with the secret link's query string, as the portal's secret link does.
        var followTrace = ActivityTraceId.CreateRandom().ToHexString();
        using var follow = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/track/{number}?secret={Uri.EscapeDataString(secret)}");
        follow.Headers.Add("traceparent", $"00-{followTrace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var followed = await platform.Gateway.SendAsync(follow);

        // Both traces reached the dashboard (gateway and service), so their attributes and logs are there to read.
        foreach (var trace in new[] { traceId, followTrace })
        {
            await Eventually.TrueAsync(async () => (await platform.GetTraceAsync(trace)) is var spans
                                                   && spans.Any(s => s.Service == "complaints") && spans.Any(s => s.Service == "gateway"),
                Deadline, $"trace {trace} in the dashboard");
        }
        foreach (var value in new[] { email, phone, "Warga Rahasia", secret })
        {
            Assert.Empty(await platform.FindInTelemetryAsync(value));
        }
    }

    [Fact]
    public async Task Bad_intake_is_a_400_problem_with_field_errors_and_files_nothing()
    {
        using var response = await platform.Gateway.PostAsJsonAsync("/api/complaints", new
        {
            kind = "pengaduan",
            category = "tidak-ada",
            description = new string('x', 4001),
            latitude = -7.8,
            longitude = 110.4,
            channel = "jaki",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToList();
        Assert.Contains(fields, f => f.Contains("description"));
        Assert.Contains(fields, f => f.Contains("category"));
        Assert.Contains(fields, f => f.Contains("lat") || f.Contains("location"));
    }

    private async Task ActAsync(string token, Guid id, string action, object? body)
    {
        using var request = Platform.Authorized(HttpMethod.Post, $"/api/complaints/{id}/{action}", token, body ?? new { });
        using var response = await platform.Gateway.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static int Delta(JsonElement before, JsonElement after, string field) =>
        after.GetProperty(field).GetInt32() - before.GetProperty(field).GetInt32();
}
