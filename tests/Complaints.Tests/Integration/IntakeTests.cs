using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class IntakeTests(ComplaintsFixture fx)
{
    [Fact]
    public async Task The_routing_note_names_Kelurahan_Kwitang_once()
    {
        var filed = await fx.Anonymous().FileAsync();
        var track = await (await fx.Anonymous().GetAsync($"/api/complaints/track/{filed.TrackingNumber}")).OkJsonAsync();
        var notes = track.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("note").GetString()).ToList();
        Assert.Contains("Lokasi berada di Kelurahan Kwitang.", notes);
        Assert.DoesNotContain(notes, n => n?.Contains("Kelurahan Kelurahan", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Anonymous_intake_is_201_with_a_tracking_number_and_routed_to_the_kelurahan()
    {
        var client = fx.Anonymous();
        var response = await client.PostAsJsonAsync("/api/complaints", Complaints.Body());
        var body = await response.OkJsonAsync(201);

        var number = body.Str("trackingNumber");
        Assert.Matches("^JKT-[A-Z2-9]{4}-[A-Z2-9]{2}$", number);
        Assert.Equal($"/api/complaints/track/{number}", response.Headers.Location!.OriginalString);
        Assert.Equal("Menunggu", body.Str("status"));
        Assert.Equal(InMemoryUnitRegistry.Kwitang, body.GetProperty("unit").GetProperty("id").GetGuid());
        Assert.Equal(32, body.Str("trackingSecret").Length);

        var track = await (await client.GetAsync($"/api/complaints/track/{number.ToLowerInvariant()}")).OkJsonAsync();
        Assert.Equal("Menunggu", track.Str("status"));
        Assert.Equal("Kelurahan Kwitang", track.Str("unitName"));
        Assert.DoesNotContain("Siti", track.GetRawText());
        Assert.DoesNotContain("siti@example.id", track.GetRawText());
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_gives_the_same_complaint()
    {
        var client = fx.Anonymous();
        var body = Complaints.Body();
        var key = Guid.NewGuid().ToString();
        var first = await client.FileAsync(body, key);
        var again = await client.FileAsync(body, key);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.TrackingNumber, again.TrackingNumber);
        Assert.Equal(first.Secret, again.Secret);
        var description = (string)body["description"]!;
        Assert.Equal(1, await fx.WithDbAsync(db => db.Complaints.CountAsync(c => c.Description == description)));

        // Same key, different complaint: refused.
        body["description"] = "Sesuatu yang lain sama sekali";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var reused = await client.SendAsync(request);
        Assert.Equal(422, (int)reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_tracking_secret_is_stored_only_as_a_hash_even_for_an_idempotent_retry()
    {
        var client = fx.Anonymous();
        var key = Guid.NewGuid().ToString();
        var filed = await client.FileAsync(Complaints.Body(), key);

        var rows = await fx.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT row_to_json(r)::text AS \"Value\" FROM intake_requests r WHERE r.\"Key\" = {key}").ToListAsync());
        var complaint = await fx.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT row_to_json(c)::text AS \"Value\" FROM complaints c WHERE c.\"Id\" = {filed.Id}").ToListAsync());
        Assert.Single(rows);
        Assert.DoesNotContain(filed.Secret, rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain(filed.Secret, Assert.Single(complaint), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_still_create_one_complaint()
    {
        var client = fx.Anonymous();
        var body = Complaints.Body();
        var key = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.FileAsync(body, key)));
        Assert.Single(results.Select(r => r.Id).Distinct());
    }

    public static TheoryData<string, object?, string> BadFields() => new()
    {
        { "description", new string('x', 4001), "description" },
        { "latitude", -7.2575, "latitude" },
        { "category", "ufo", "category" },
        { "channel", "telepati", "channel" },
        { "kind", "keluhan", "kind" },
        { "mediaUrls", new[] { "javascript:alert(1)" }, "mediaUrls[0]" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_is_400_with_field_errors_and_nothing_is_stored(string field, object? value, string errorKey)
    {
        var before = await fx.WithDbAsync(db => db.Complaints.CountAsync());
        var body = Complaints.Body();
        body[field] = value;
        var response = await fx.Anonymous().PostAsJsonAsync("/api/complaints", body);
        var problem = await response.OkJsonAsync(400);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.GetRawText());
        Assert.Equal(before, await fx.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Theory]
    [InlineData("{\"category\": \"sampah\", \"description\": ")]
    [InlineData("{\"category\": \"sampah\", \"latitude\": \"utara\"}")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_is_400_problem_details(string json)
    {
        var response = await fx.Anonymous().PostAsync("/api/complaints", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.OkJsonAsync(400);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.TryGetProperty("errors", out _), problem.GetRawText());
    }

    [Fact]
    public async Task Unknown_things_are_404_problem_details()
    {
        var client = fx.Anonymous();
        var track = await client.GetAsync("/api/complaints/track/JKT-2222-22");
        Assert.Equal(404, (int)track.StatusCode);
        Assert.Equal("application/problem+json", track.Content.Headers.ContentType?.MediaType);
        var get = await fx.Admin().GetAsync($"/api/complaints/{Guid.NewGuid()}");
        Assert.Equal(404, (int)get.StatusCode);
    }

    [Fact]
    public async Task Staff_endpoints_need_a_token()
    {
        var response = await fx.Anonymous().GetAsync("/api/complaints");
        Assert.Equal(401, (int)response.StatusCode);
        var verify = await fx.As("citizen").PostAsJsonAsync($"/api/complaints/{Guid.NewGuid()}/verify", new { });
        Assert.Equal(403, (int)verify.StatusCode);
    }
}

[Collection(ComplaintsCollection.Name)]
public sealed class RegistryOutageTests(ComplaintsFixture fx)
{
    [Fact]
    public async Task While_the_unit_registry_is_down_a_point_in_a_known_kelurahan_is_still_routed_from_the_local_copy()
    {
        fx.Registry.Down = true;
        try
        {
            var point = InMemoryUnitRegistry.KwitangPoint;
            var filed = await fx.Anonymous().FileAsync(Complaints.Body(lat: point.Latitude, lon: point.Longitude));
            Assert.Equal(InMemoryUnitRegistry.Kwitang, filed.Body.GetProperty("unit").GetProperty("id").GetGuid());
        }
        finally
        {
            fx.Registry.Down = false;
        }
    }

    [Fact]
    public async Task While_the_unit_registry_is_down_intake_still_files_and_routing_answers_503()
    {
        fx.Registry.Down = true;
        try
        {
            // More than 3 km from every kelurahan of the local copy: only the registry could say (and it is down).
            var filed = await fx.Anonymous().FileAsync(Complaints.Body(lat: -6.2250, lon: 106.7850));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, filed.Body.GetProperty("unit").ValueKind);
            Assert.True(filed.Body.GetProperty("verificationDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(2));

            var admin = fx.Admin();
            await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
            var dispose = await admin.PostJsonAsync($"/api/complaints/{filed.Id}/dispose",
                new { unitId = InMemoryUnitRegistry.Kwitang, reason = "lokasi" });
            var problem = await dispose.OkJsonAsync(503);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
        }
        finally
        {
            fx.Registry.Down = false;
        }
    }
}
