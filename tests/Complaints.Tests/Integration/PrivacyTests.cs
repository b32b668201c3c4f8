using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Tests.Support;
using Tinjau.Messaging;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class PrivacyTests(ComplaintsFixture fx)
{
    [Fact]
    public async Task An_anonim_reporter_is_hidden_from_every_staff_response_and_event()
    {
        var name = $"Rahasia Pelapor {Guid.NewGuid():N}";
        var body = Complaints.Body(anonymous: true, reporterName: name);
        var filed = await fx.Anonymous().FileAsync(body);

        var staff = fx.As("unit-staff", InMemoryUnitRegistry.Kwitang);
        var readers = new[] { staff, fx.Admin(), fx.As("admin"), fx.As("leadership"), fx.As("unit-head", InMemoryUnitRegistry.Senen) };
        foreach (var client in readers)
        {
            var view = await (await client.GetAsync($"/api/complaints/{filed.Id}")).OkJsonAsync();
            Assert.Equal(JsonValueKind.Null, view.GetProperty("reporter").ValueKind);
            Assert.True(view.GetProperty("anonymous").GetBoolean());
            var history = await (await client.GetAsync($"/api/complaints/{filed.Id}/history")).OkJsonAsync();
            var list = await (await client.GetAsync("/api/complaints?pageSize=200")).OkJsonAsync();
            foreach (var text in new[] { view.GetRawText(), history.GetRawText(), list.GetRawText() })
            {
                Assert.DoesNotContain(name, text);
                Assert.DoesNotContain("siti@example.id", text);
                Assert.DoesNotContain("1111 2222", text);
            }
        }
        // Acting on it does not reveal it either.
        var verified = await (await fx.Admin().PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("reporter").ValueKind);

        // The contact is kept (in the complaints database only) ...
        var stored = await fx.WithDbAsync(db => db.Complaints.AsNoTracking().FirstAsync(c => c.Id == filed.Id));
        Assert.Equal(name, stored.Reporter.Name);
        // ... and never in an event.
        var payloads = await fx.WithDbAsync(db => db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE payload->>'complaintId' = {filed.Id.ToString()}")
            .AsNoTracking().Select(m => m.Payload).ToListAsync());
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p =>
        {
            Assert.DoesNotContain(name, p);
            Assert.DoesNotContain("siti@example.id", p);
            // The phone as written and as digits only ("1111" alone can occur by chance in an id or a timestamp).
            Assert.DoesNotContain("1111 2222", p);
            Assert.DoesNotContain("81211112222", p);
            Assert.DoesNotContain("Jalan berlubang", p);
        });
    }

    [Fact]
    public async Task A_named_reporter_is_shown_to_the_admin_and_the_handling_unit_but_not_to_city_wide_readers()
    {
        var filed = await fx.Anonymous().FileAsync(Complaints.Body(anonymous: false));
        var admin = await (await fx.Admin().GetAsync($"/api/complaints/{filed.Id}")).OkJsonAsync();
        Assert.Equal("Siti Rahmawati", admin.GetProperty("reporter").Str("name"));
        var staff = await (await fx.As("unit-staff", InMemoryUnitRegistry.Kwitang).GetAsync($"/api/complaints/{filed.Id}")).OkJsonAsync();
        Assert.Equal("siti@example.id", staff.GetProperty("reporter").Str("email"));
        var leadership = await (await fx.As("leadership").GetAsync($"/api/complaints/{filed.Id}")).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, leadership.GetProperty("reporter").ValueKind);
    }

    [Fact]
    public async Task A_rahasia_complaint_never_appears_in_public_listings_but_its_number_still_tracks_it()
    {
        var secret = await fx.Anonymous().FileAsync(Complaints.Body(confidential: true));
        var open = await fx.Anonymous().FileAsync(Complaints.Body());

        var client = fx.Anonymous();
        var list = await (await client.GetAsync("/open311/v2/requests.json")).OkJsonAsync();
        var ids = list.EnumerateArray().Select(r => r.Str("service_request_id")).ToList();
        Assert.Contains(open.TrackingNumber, ids);
        Assert.DoesNotContain(secret.TrackingNumber, ids);

        var byIds = await (await client.GetAsync($"/open311/v2/requests.json?service_request_id={secret.TrackingNumber},{open.TrackingNumber}")).OkJsonAsync();
        Assert.DoesNotContain(secret.TrackingNumber, byIds.GetRawText());

        var xml = await (await client.GetAsync("/open311/v2/requests.xml?status=open")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret.TrackingNumber, xml);

        // Its location does not leave the service either.
        var filedEvent = await fx.WithDbAsync(db => db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE payload->>'complaintId' = {secret.Id.ToString()} AND message_type LIKE {"%ComplaintFiled%"}")
            .AsNoTracking().SingleAsync());
        var payload = JsonDocument.Parse(filedEvent.Payload).RootElement;
        Assert.True(payload.GetProperty("confidential").GetBoolean());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("latitude").ValueKind);

        // The holder of the number can still follow it.
        Assert.Equal(200, (int)(await client.GetAsync($"/api/complaints/track/{secret.TrackingNumber}")).StatusCode);
        Assert.Equal(200, (int)(await client.GetAsync($"/open311/v2/requests/{secret.TrackingNumber}.json")).StatusCode);
    }

    [Fact]
    public async Task A_rahasia_complaint_by_number_alone_shows_status_and_dates_only()
    {
        var description = $"Pungutan liar di loket ({Guid.NewGuid():N})";
        var filed = await fx.Anonymous().FileAsync(Complaints.Body(confidential: true, description: description));
        var anonymous = fx.Anonymous();

        var track = await (await anonymous.GetAsync($"/api/complaints/track/{filed.TrackingNumber}")).OkJsonAsync();
        Assert.True(track.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal("Menunggu", track.Str("status"));
        Assert.NotEqual(JsonValueKind.Null, track.GetProperty("filedAt").ValueKind);
        var open311 = await (await anonymous.GetAsync($"/open311/v2/requests/{filed.TrackingNumber}.json")).OkJsonAsync();
        var xml = await (await anonymous.GetAsync($"/open311/v2/requests/{filed.TrackingNumber}.xml")).Content.ReadAsStringAsync();
        Assert.Equal("open", open311[0].Str("status"));
        foreach (var text in new[] { track.GetRawText(), open311.GetRawText(), xml })
        {
            Assert.DoesNotContain(description, text);
            Assert.DoesNotContain("Kwitang Raya", text);
            Assert.DoesNotContain("foto.jpg", text);
            Assert.DoesNotContain("106.84", text);
            Assert.DoesNotContain("-6.1", text);
        }

        // The reporter (by the secret or the account) and the officers handling it read the content.
        using var withSecret = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/track/{filed.TrackingNumber}");
        withSecret.Headers.Add("X-Tracking-Secret", filed.Secret);
        var reporter = await (await anonymous.SendAsync(withSecret)).OkJsonAsync();
        Assert.Equal(description, reporter.Str("description"));
        Assert.False(reporter.GetProperty("contentWithheld").GetBoolean());
        using var open311Secret = new HttpRequestMessage(HttpMethod.Get, $"/open311/v2/requests/{filed.TrackingNumber}.json");
        open311Secret.Headers.Add("X-Tracking-Secret", filed.Secret);
        Assert.Equal(description, (await (await anonymous.SendAsync(open311Secret)).OkJsonAsync())[0].Str("description"));
        var admin = await (await fx.Admin().GetAsync($"/api/complaints/track/{filed.TrackingNumber}")).OkJsonAsync();
        Assert.Equal(description, admin.Str("description"));
        var unit = await (await fx.As("unit-staff", InMemoryUnitRegistry.Kwitang).GetAsync($"/open311/v2/requests/{filed.TrackingNumber}.json")).OkJsonAsync();
        Assert.Equal(description, unit[0].Str("description"));
        // A wrong secret or another unit reads status and dates only.
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/track/{filed.TrackingNumber}");
        wrong.Headers.Add("X-Tracking-Secret", "not-the-secret");
        Assert.DoesNotContain(description, (await (await anonymous.SendAsync(wrong)).OkJsonAsync()).GetRawText());

        // A public complaint is read by number as before.
        var open = await fx.Anonymous().FileAsync(Complaints.Body());
        var openTrack = await (await anonymous.GetAsync($"/api/complaints/track/{open.TrackingNumber}")).OkJsonAsync();
        Assert.False(openTrack.GetProperty("contentWithheld").GetBoolean());
        Assert.Contains("Jalan berlubang", openTrack.Str("description"));
    }
}
