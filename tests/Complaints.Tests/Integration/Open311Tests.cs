using System.Xml.Linq;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class Open311Tests(ComplaintsFixture fx)
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static (string, string)[] KwitangReport(string description) =>
    [
        ("service_code", "jalan-rusak"),
        ("lat", "-6.1830"),
        ("long", "106.8415"),
        ("address_string", "Jl. Kwitang Raya 13"),
        ("description", description),
        ("email", "warga@example.id"),
        ("first_name", "Agus"),
        ("last_name", "Salim"),
        ("media_url", "https://example.id/lubang.jpg"),
    ];

    [Fact]
    public async Task Discovery_is_the_specs_object_with_the_public_base_url_the_gateway_forwards()
    {
        var client = fx.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/discovery.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "tinjau.jakarta.example.id");
        var json = await (await client.SendAsync(request)).OkJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.ValueKind);
        Assert.False(string.IsNullOrEmpty(json.Str("changeset")));
        Assert.False(string.IsNullOrEmpty(json.Str("contact")));
        Assert.False(string.IsNullOrEmpty(json.Str("key_service")));
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Str("specification"));
        Assert.Equal("https://tinjau.jakarta.example.id/open311/v2", endpoint.Str("url"));
        Assert.Equal("production", endpoint.Str("type"));
        Assert.False(string.IsNullOrEmpty(endpoint.Str("changeset")));
        Assert.Equal(["application/json", "text/xml"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        using var xmlRequest = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/discovery.xml");
        xmlRequest.Headers.Add("X-Forwarded-Proto", "https");
        xmlRequest.Headers.Add("X-Forwarded-Host", "tinjau.jakarta.example.id");
        var xml = XDocument.Parse(await (await client.SendAsync(xmlRequest)).Content.ReadAsStringAsync()).Root!;
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal("https://tinjau.jakarta.example.id/open311/v2", xml.Element("endpoints")!.Element("endpoint")!.Element("url")!.Value);
        Assert.Equal(2, xml.Descendants("format").Count());
    }

    [Fact]
    public async Task Services_are_listed_in_json_and_xml()
    {
        var client = fx.Anonymous();
        var json = await (await client.GetAsync("/open311/v2/services.json")).OkJsonAsync();
        var service = json.EnumerateArray().First(s => s.Str("service_code") == "jalan-rusak");
        Assert.Equal("Jalan rusak", service.Str("service_name"));
        Assert.False(service.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", service.Str("type"));

        var xml = XDocument.Parse(await (await client.GetAsync("/open311/v2/services.xml")).Content.ReadAsStringAsync());
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Contains(xml.Root.Elements("service"), s => s.Element("service_code")!.Value == "sampah");

        var definition = await (await client.GetAsync("/open311/v2/services/sampah.json")).OkJsonAsync();
        Assert.Equal("sampah", definition.Str("service_code"));
        var missing = await client.GetAsync("/open311/v2/services/ufo.json");
        var errors = await missing.OkJsonAsync(404);
        Assert.Equal(404, errors[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_form_encoded_report_is_filed_and_can_be_read_back_as_json_and_xml()
    {
        var client = fx.Anonymous();
        var description = $"Lubang besar di Jl. Kwitang ({Guid.NewGuid():N})";
        var response = await client.PostAsync("/open311/v2/requests.json", Form(KwitangReport(description)));
        var created = await response.OkJsonAsync(201);
        var id = created[0].Str("service_request_id");
        var token = created[0].Str("token");
        Assert.Matches("^JKT-", id);

        var one = await (await client.GetAsync($"/open311/v2/requests/{id}.json")).OkJsonAsync();
        var request = Assert.Single(one.EnumerateArray());
        Assert.Equal("open", request.Str("status"));
        Assert.Equal("Kelurahan Kwitang", request.Str("agency_responsible"));
        Assert.Equal("jalan-rusak", request.Str("service_code"));
        Assert.Equal(description, request.Str("description"));
        Assert.Equal(-6.1830, request.GetProperty("lat").GetDouble(), 4);
        Assert.EndsWith("+07:00", request.Str("requested_datetime"));
        Assert.NotNull(request.GetProperty("expected_datetime").GetString());
        Assert.DoesNotContain("warga@example.id", one.GetRawText());

        var xml = XDocument.Parse(await (await client.GetAsync($"/open311/v2/requests/{id}.xml")).Content.ReadAsStringAsync());
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(id, xml.Root.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal("open", xml.Root.Element("request")!.Element("status")!.Value);

        var list = XDocument.Parse(await (await client.GetAsync(
            $"/open311/v2/requests.xml?start_date={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}&status=open&service_code=jalan-rusak"))
            .Content.ReadAsStringAsync());
        Assert.Contains(list.Root!.Elements("request"), r => r.Element("service_request_id")!.Value == id);

        var closed = await (await client.GetAsync("/open311/v2/requests.json?status=closed")).OkJsonAsync();
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.Str("service_request_id") == id);

        var byToken = await (await client.GetAsync($"/open311/v2/tokens/{token}.json")).OkJsonAsync();
        Assert.Equal(id, byToken[0].Str("service_request_id"));

        // A staff member sees the Open311 reporter (not anonim) and the channel.
        var staffView = await (await fx.Admin().GetAsync($"/api/complaints/{created[0].Str("token")}")).OkJsonAsync();
        Assert.Equal("open311", staffView.Str("channel"));
        Assert.Equal("Agus Salim", staffView.GetProperty("reporter").Str("name"));
    }

    [Fact]
    public async Task Open311_errors_follow_the_spec()
    {
        var client = fx.Anonymous();
        var tooLong = await client.PostAsync("/open311/v2/requests.json", Form(KwitangReport(new string('x', 4001))));
        var errors = await tooLong.OkJsonAsync(400);
        Assert.Contains(errors.EnumerateArray(), e => e.Str("description").StartsWith("description", StringComparison.Ordinal));
        Assert.Equal(400, errors[0].GetProperty("code").GetInt32());

        var noLocation = await client.PostAsync("/open311/v2/requests.xml", Form(("service_code", "sampah"), ("description", "x")));
        Assert.Equal(400, (int)noLocation.StatusCode);
        var xml = XDocument.Parse(await noLocation.Content.ReadAsStringAsync());
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("400", xml.Root.Element("error")!.Element("code")!.Value);

        var unknownService = await client.PostAsync("/open311/v2/requests.json", Form(("service_code", "ufo"), ("lat", "-6.18"), ("long", "106.84"), ("description", "x")));
        Assert.Equal(400, (int)unknownService.StatusCode);

        var outside = await client.PostAsync("/open311/v2/requests.json", Form(("service_code", "sampah"), ("lat", "-8.65"), ("long", "115.21"), ("description", "x")));
        Assert.Equal(400, (int)outside.StatusCode);

        var range = await client.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        Assert.Equal(400, (int)range.StatusCode);
        Assert.Contains("90", (await range.OkJsonAsync(400))[0].Str("description"));

        Assert.Equal(404, (int)(await client.GetAsync("/open311/v2/requests/JKT-2222-22.json")).StatusCode);
        Assert.Equal(404, (int)(await client.GetAsync("/open311/v2/tokens/nothing.xml")).StatusCode);
        Assert.Equal(400, (int)(await client.GetAsync("/open311/v2/requests.json?status=pending")).StatusCode);
    }
}
