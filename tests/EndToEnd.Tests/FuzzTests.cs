using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// Every operation of every service's OpenAPI document, with malformed, hostile and boundary input (a fixed seed and a
/// bounded number of cases per operation), through the gateway and directly: no answer is a 5xx, and no body carries
/// a stack trace or SQL.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class FuzzTests(PlatformFixture platform)
{
    private const int CasesPerOperation = 8;
    private const string AllScopes = "unitregistry identity complaints inspections evaluations";
    private static readonly (string Service, string Database)[] Services =
    [
        (ResourceNames.Identity, ResourceNames.IdentityDb), (ResourceNames.UnitRegistry, ResourceNames.UnitRegistryDb),
        (ResourceNames.Complaints, ResourceNames.ComplaintsDb), (ResourceNames.Inspections, ResourceNames.InspectionsDb),
        (ResourceNames.Evaluations, ResourceNames.EvaluationsDb),
    ];

    /// <summary>
    /// Tables a refused request may rightly change, or that change behind the requests' backs: the outbox and inbox
    /// (events of earlier accepted writes), the read models fed by other services' events, and the audit trail (a
    /// refused attempt is audited on purpose).
    /// </summary>
    private static readonly Dictionary<string, string[]> ChangedInBackground = new(StringComparer.Ordinal)
    {
        [""] = ["outbox_messages", "inbox_messages", "__EFMigrationsHistory"],
        [ResourceNames.IdentityDb] = ["AuditEntries"],
        [ResourceNames.EvaluationsDb] = ["complaint_facts", "complaint_sla_breaches", "sidak_visits", "sidak_violations"],
        [ResourceNames.UnitRegistryDb] = ["unit_complaint_stats", "unit_evaluation_results", "unit_directory_entries"],
    };

    private static readonly string[] HostileText =
    [
        "%00", "a%00b", "%01%1F", "'%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        new string('x', 3000), "%F0%9F%99%82", "-1", "99999999999999999999", "NaN", "0001-01-01", "9999-12-31", "2026-13-45",
        "00000000-0000-0000-0000-000000000000", "%E0%A4%A", "true",
    ];

    private static readonly string[] HostileJsonValues =
    [
        "\"a\\u0000b\"", "\"\\u0001\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31\"", "-1", "2147483648", "1e309", "-0.0000001", "true", "null",
        "[]", "{}", "\"" + new string('y', 20000) + "\"", "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"",
    ];

    [Fact]
    public async Task Every_operation_answers_hostile_input_without_a_5xx_a_leak_or_a_change()
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", AllScopes);
        var forwarderKey = await platform.ForwarderKeyAsync();
        var random = new Random(20261202);
        var failures = new List<string>();
        var sent = 0;

        // Header values of any byte sequence: the client must be able to send them.
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var gateway = new HttpClient(handler, disposeHandler: false) { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var (service, database) in Services)
        {
            var stored = await StoredData.OpenAsync(await platform.App.GetConnectionStringAsync(database)
                ?? throw new InvalidOperationException($"{database} has no connection string"),
                [.. ChangedInBackground[""], .. ChangedInBackground.GetValueOrDefault(database, [])]);
            using var direct = new HttpClient(handler, disposeHandler: false)
            {
                BaseAddress = platform.App.GetEndpoint(service, "http"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            using var document = JsonDocument.Parse(await direct.GetStringAsync("/openapi/v1.json"));
            var root = document.RootElement;
            foreach (var path in root.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    for (var i = 0; i < CasesPerOperation; i++)
                    {
                        var request = Case(root, path.Name, operation.Name, operation.Value, random);
                        var write = operation.Name != "get";
                        var before = write ? await stored.FingerprintAsync() : null;
                        var refused = true;
                        foreach (var (client, name) in new[] { (direct, service), (gateway, "gateway") })
                        {
                            // Directly as the admin, to reach every handler. Through the gateway anonymously, each from
                            // its own address (the portal's forwarder key): no other test's rate-limit budget is spent.
                            var anonymous = name == "gateway";
                            using var message = request.ToMessage(anonymous ? null : token);
                            if (anonymous)
                            {
                                message.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.18.{random.Next(256)}.{random.Next(1, 255)}");
                                message.Headers.TryAddWithoutValidation(TrustedForwarder.Header, forwarderKey);
                            }
                            using var response = await client.SendAsync(message);
                            sent++;
                            refused &= (int)response.StatusCode >= 400;
                            var body = await response.Content.ReadAsStringAsync();
                            if ((int)response.StatusCode >= 500 || Leaks().IsMatch(body))
                            {
                                failures.Add($"{name}: {request} -> {(int)response.StatusCode} {Truncate(body)}");
                            }
                        }

                        // A write refused both directly and through the gateway leaves the service's data as it was.
                        if (write && refused && StoredData.Changed(before!, await stored.FingerprintAsync()) is { Count: > 0 } changed)
                        {
                            failures.Add($"{service}: {request} was refused but changed {string.Join(", ", changed)}");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent: the OpenAPI documents were not read");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers failed:\n" + string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", AllScopes);
        var unit = (await (await platform.Gateway.GetAsync("/api/units/by-code/31.71.04.1002")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<string> ServicesAsync() => await (await platform.Gateway.GetAsync($"/api/units/{unit}/services")).Content.ReadAsStringAsync();
        var before = await ServicesAsync();

        using var refused = Platform.Authorized(HttpMethod.Post, $"/api/units/{unit}/services", token);
        refused.Content = new StringContent("{\"name\":\"a\\u0000b\",\"name\":\"Layanan KTP\"}", Encoding.UTF8, "application/json");
        using var response = await platform.Gateway.SendAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ServicesAsync());
    }

    [Fact]
    public async Task The_fingerprint_of_stored_data_sees_an_accepted_write()
    {
        // What the fuzz test's "changed nothing" rests on: an accepted write does change the fingerprint.
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", AllScopes);
        var unit = (await (await platform.Gateway.GetAsync("/api/units/by-code/31.71.04.1002")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await StoredData.OpenAsync((await platform.App.GetConnectionStringAsync(ResourceNames.UnitRegistryDb))!, ChangedInBackground[""]);
        var before = await stored.FingerprintAsync();

        using var add = Platform.Authorized(HttpMethod.Post, $"/api/units/{unit}/services", token);
        add.Content = JsonContent.Create(new
        {
            name = $"Uji sidik data {Guid.NewGuid():N}",
            standard = new
            {
                requirements = new[] { "KTP" },
                procedure = "Ajukan di loket",
                time = "1 hari kerja",
                timeLimitWorkingDays = 1,
                cost = "Gratis",
                product = "Surat keterangan",
                complaintHandling = "JAKI",
            },
        });
        using var added = await platform.Gateway.SendAsync(add);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var service = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Contains("unit_services", StoredData.Changed(before, await stored.FingerprintAsync()));

        using var removed = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Delete, $"/api/units/{unit}/services/{service}", token));
        Assert.True(removed.IsSuccessStatusCode, $"{(int)removed.StatusCode}");
        Assert.DoesNotContain("unit_services", StoredData.Changed(before, await stored.FingerprintAsync()));
    }

    [Theory]
    [InlineData("/api/units?q=%00")]
    [InlineData("/api/complaints?category=%00")]
    [InlineData("/api/complaints/statistics?to=0001-01-01")]
    [InlineData("/api/complaints/statistics?to=9999-12-31")]
    public async Task Findings_of_the_fuzz_campaign_are_400_problems(string path)
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", AllScopes);
        using var response = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, path, token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_non_ASCII_header_is_a_400_at_the_gateway_not_a_502()
    {
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var client = new HttpClient(handler) { BaseAddress = platform.Gateway.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "kunci-ünik-🙂");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A fingerprint of a service's database: per table, its row count and a hash of its rows.</summary>
    private sealed class StoredData(string connectionString, string query)
    {
        public static async Task<StoredData> OpenAsync(string connectionString, string[] skipped)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection);
            var names = new List<string>();
            await using (var reader = await tables.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    if (!skipped.Contains(reader.GetString(0)))
                    {
                        names.Add(reader.GetString(0));
                    }
                }
            }
            Assert.NotEmpty(names);
            var query = string.Join(" UNION ALL ", names.Select(n =>
                $"SELECT '{n}', count(*), coalesce(sum(hashtext(t::text)::bigint), 0) FROM \"{n}\" t"));
            return new StoredData(connectionString, query);
        }

        public async Task<Dictionary<string, (long Rows, long Hash)>> FingerprintAsync()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            while (await reader.ReadAsync())
            {
                result[reader.GetString(0)] = (reader.GetInt64(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
            }
            return result;
        }

        public static List<string> Changed(Dictionary<string, (long Rows, long Hash)> before, Dictionary<string, (long Rows, long Hash)> after) =>
            [.. after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value).Select(t => t.Key)];
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;

    [GeneratedRegex(@"(\n\s+at [\w.<>`]+\(|Npgsql|PostgresException|SELECT\s.+\sFROM\s|INSERT INTO|StackExchange\.Redis|System\.[A-Za-z.]+Exception)", RegexOptions.IgnoreCase)]
    private static partial Regex Leaks();

    /// <summary>One generated request: method, path with its parameters filled, query, body.</summary>
    private sealed record FuzzRequest(HttpMethod Method, string Uri, string? Body, string? ContentType, bool Multipart, string? IdempotencyKey)
    {
        public HttpRequestMessage ToMessage(string? token)
        {
            var message = new HttpRequestMessage(Method, Uri);
            if (token is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (IdempotencyKey is not null)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
            }
            if (Multipart)
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray());
                file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
                form.Add(file, "file", "..\\..\\evil\u0001.html");
                form.Add(new StringContent("a\u0000b"), "description");
                message.Content = form;
            }
            else if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? "application/json");
            }
            return message;
        }

        public override string ToString() => $"{Method} {Truncate(Uri)} {(Multipart ? "[multipart]" : Body is null ? "" : Truncate(Body))}";
    }

    private static FuzzRequest Case(JsonElement root, string template, string method, JsonElement operation, Random random)
    {
        var uri = PathParameter().Replace(template, _ => Pick(HostileText, random));
        var query = new List<string>();
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        foreach (var parameter in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
        {
            if (random.Next(3) > 0)
            {
                query.Add($"{Uri.EscapeDataString(parameter.GetProperty("name").GetString()!)}={Pick(HostileText, random)}");
            }
        }
        if (query.Count > 0)
        {
            uri += "?" + string.Join('&', query);
        }

        string? body = null;
        string? contentType = null;
        var multipart = false;
        if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
        {
            if (content.TryGetProperty("application/json", out var json))
            {
                body = Body(root, json.TryGetProperty("schema", out var schema) ? schema : default, random);
                contentType = random.Next(8) == 0 ? "text/plain" : "application/json";
            }
            else if (content.EnumerateObject().Any(c => c.Name.StartsWith("multipart/", StringComparison.Ordinal)))
            {
                multipart = random.Next(2) == 0;
                body = multipart ? null : "--nope\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\0\r\n";
                contentType = "multipart/form-data; boundary=nope";
            }
            else if (content.TryGetProperty("application/x-www-form-urlencoded", out _))
            {
                body = "service_code=%00&description=a%00b&lat=999&long=-999&email=%01";
                contentType = "application/x-www-form-urlencoded";
            }
        }
        else if (method is "post" or "put" or "patch")
        {
            body = random.Next(2) == 0 ? "{\"a\":1,\"a\":2}" : "\0";
            contentType = "application/json";
        }
        var idempotencyKey = method == "post" && random.Next(4) == 0 ? Pick(["kunci-ünik-🙂", "\u0001", new string('k', 600)], random) : null;
        return new FuzzRequest(new HttpMethod(method.ToUpperInvariant()), uri, body, contentType, multipart, idempotencyKey);
    }

    /// <summary>A body for a schema: its properties (when known) filled with hostile values, or a malformed document.</summary>
    private static string Body(JsonElement root, JsonElement schema, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return Pick(["", "null", "[]", "{", "{\"a\":", "\"text\"", "{\"a\":1,\"a\":2}", new string('[', 5000) + new string(']', 5000)], random);
            default:
                var names = PropertyNames(root, schema).ToList();
                if (names.Count == 0)
                {
                    return "{\"x\":" + Pick(HostileJsonValues, random) + "}";
                }
                var members = names.Select(n => $"\"{n}\":{Pick(HostileJsonValues, random)}").ToList();
                if (random.Next(4) == 0)
                {
                    members.Add($"\"{names[0]}\":{Pick(HostileJsonValues, random)}"); // a member given twice
                }
                return "{" + string.Join(',', members) + "}";
        }
    }

    private static IEnumerable<string> PropertyNames(JsonElement root, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } r && r.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            && root.TryGetProperty("components", out var components) && components.GetProperty("schemas").TryGetProperty(r["#/components/schemas/".Length..], out var target))
        {
            schema = target;
        }
        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(x => x.Name).ToList() : [];
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
