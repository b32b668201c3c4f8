using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// The access table of <see cref="AccessTable"/> expanded over every role and no token, through the gateway with
/// the demo users' real tokens; plus tokens the platform must reject wherever they are shown.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessMatrixTests(PlatformFixture platform)
{
    private const string AllScopes = "unitregistry identity complaints inspections evaluations";

    private static readonly Dictionary<string, string> DemoUsers = new()
    {
        ["citizen"] = "citizen@tinjau.local",
        ["unit-staff"] = "staff.kwitang@tinjau.local",
        ["unit-head"] = "head.senen@tinjau.local",
        ["complaint-admin"] = "complaint-admin@tinjau.local",
        ["satgas"] = "satgas@tinjau.local",
        ["evaluator"] = "evaluator@tinjau.local",
        ["leadership"] = "leadership@tinjau.local",
        ["ops"] = "ops@tinjau.local",
        ["admin"] = "admin@tinjau.local",
    };

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_access_table_says()
    {
        var kwitang = (await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002")).GetProperty("id").GetGuid();
        var tokens = new Dictionary<string, string?> { ["(no token)"] = null };
        foreach (var (role, user) in DemoUsers)
        {
            // Unit-bound demo users are created once the registry answers Identity; poll for them.
            tokens[role] = await Eventually.GetAsync(async () =>
            {
                try
                {
                    return await Platform.TokenAsync(platform.Gateway, user, AllScopes);
                }
                catch (Xunit.Sdk.TrueException)
                {
                    return null;
                }
            }, TimeSpan.FromSeconds(60), $"a token for {user}");
        }

        // Requests without a token come from an address of their own (the portal's forwarder key), so the public
        // per-address budget other tests spent from this machine does not turn them into 429s.
        var anonymous = ($"192.0.2.{Random.Shared.Next(1, 255)}", await platform.ForwarderKeyAsync());
        var mismatches = new List<string>();
        foreach (var endpoint in AccessTable.Endpoints)
        {
            foreach (var (role, token) in tokens)
            {
                var expected = Expected(endpoint, token is null ? null : role);
                var status = await SendAsync(endpoint, token, kwitang, anonymous);
                var ok = expected switch
                {
                    HttpStatusCode.OK => status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden
                                         and < HttpStatusCode.InternalServerError,
                    _ => status == expected,
                };
                if (!ok)
                {
                    mismatches.Add($"{endpoint} as {role}: expected {(expected == HttpStatusCode.OK ? "allowed" : ((int)expected).ToString())}, got {(int)status}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task A_tampered_token_is_rejected_by_the_gateway()
    {
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", "identity");
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        payload["role"] = JsonSerializer.SerializeToElement(new[] { "admin", "ops" });
        var forged = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        using var response = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Get, "/api/identity/me", forged));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_for_another_service_is_rejected_by_the_service_behind_the_gateway()
    {
        // Valid at the gateway (a platform audience) but not for the unit registry: defence in depth.
        var token = await Platform.TokenAsync(platform.Gateway, "admin@tinjau.local", "identity");
        using var response = await platform.Gateway.SendAsync(Platform.Authorized(HttpMethod.Post, "/api/units", token, new { }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_portal_key_makes_the_gateway_limit_each_citizen_on_their_own()
    {
        var key = await platform.ForwarderKeyAsync();

        // Citizen A (through the portal, which names them with the key) spends their own budget …
        Assert.True(await RegisterUntilLimitedAsync(request =>
        {
            request.Headers.Add("X-Forwarded-For", "203.0.113.10");
            request.Headers.Add(TrustedForwarder.Header, key);
        }));
        // … which leaves citizen B's whole.
        using (var b = await RegisterAsync(request =>
        {
            request.Headers.Add("X-Forwarded-For", "203.0.113.11");
            request.Headers.Add(TrustedForwarder.Header, key);
        }))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, b.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> RegisterAsync(Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/register") { Content = JsonContent.Create(new { }) };
        configure(request);
        return await platform.Gateway.SendAsync(request);
    }

    private async Task<bool> RegisterUntilLimitedAsync(Action<HttpRequestMessage> configure)
    {
        for (var i = 0; i < 40; i++)
        {
            using var response = await RegisterAsync(configure);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task Account_registration_is_rate_limited_per_address_with_a_problem_and_Retry_After()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            // Each request names another address, with a wrong forwarder key: the gateway believes none of them.
            var response = await RegisterAsync(request =>
            {
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
                request.Headers.Add(TrustedForwarder.Header, "not-the-key");
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.True(limited.Headers.RetryAfter is not null, "429 without Retry-After");
        }
        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
    }

    private static HttpStatusCode Expected(EndpointAccess endpoint, string? role) => endpoint.Audience switch
    {
        Audience.Public => HttpStatusCode.OK,
        _ when role is null => HttpStatusCode.Unauthorized,
        Audience.SignedIn => HttpStatusCode.OK,
        _ when endpoint.Roles.Contains(role) => HttpStatusCode.OK,
        Audience.Secret when !endpoint.Visible!.Contains(role) => HttpStatusCode.NotFound,
        _ => HttpStatusCode.Forbidden,
    };

    private async Task<HttpStatusCode> SendAsync(EndpointAccess endpoint, string? token, Guid kwitang, (string Address, string Key) anonymous)
    {
        string Fill(string s) => s.Replace("{kwitang}", kwitang.ToString()).Replace("{unknown}", Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Fill(endpoint.Path));
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        else
        {
            request.Headers.Add("X-Forwarded-For", anonymous.Address);
            request.Headers.Add(TrustedForwarder.Header, anonymous.Key);
        }
        if (endpoint.Body is not null)
        {
            request.Content = new StringContent(Fill(endpoint.Body), Encoding.UTF8, "application/json");
        }
        using var response = await platform.Gateway.SendAsync(request);
        return response.StatusCode;
    }

    private static byte[] Base64UrlDecode(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
