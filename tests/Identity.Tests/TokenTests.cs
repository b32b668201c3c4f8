using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class TokenTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Discovery_document_advertises_the_gateway_issuer_endpoints_and_keys()
    {
        using var client = fixture.CreateClient();
        // As the gateway forwards it (YARP adds X-Forwarded-Host/Proto by default).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-Host", "localhost:8080");
        request.Headers.Add("X-Forwarded-Proto", "http");
        using var response = await client.SendAsync(request);
        var discovery = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("http://localhost:8080/", discovery.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost:8080/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost:8080/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("password", grants); // Development: tinjau-cli
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()));

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("use").GetString() == "sig");
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.True(File.Exists(Path.Combine(fixture.KeysPath, "signing-key.pem")), "the development key is kept in Identity:KeysPath");
    }

    [Fact]
    public async Task Password_grant_for_the_admin_demo_user_gives_a_signed_jwt_with_roles_and_audience()
    {
        var token = IdentityFixture.Read(await fixture.TokenForAsync("admin@tinjau.local", "identity complaints"));

        Assert.Equal("RS256", token.Alg);
        Assert.Equal("http://localhost:8080/", token.Issuer);
        Assert.Equal(["complaints", "identity"], token.Audiences.Order());
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.DoesNotContain(token.Claims, c => c.Type == "unit_id");
        Assert.True(Guid.TryParse(token.Subject, out _));
    }

    [Fact]
    public async Task Unit_bound_demo_users_carry_their_unit_from_the_registry()
    {
        var staff = IdentityFixture.Read(await fixture.WaitForTokenAsync("staff.kwitang@tinjau.local", "complaints", TimeSpan.FromSeconds(20)));
        Assert.Equal(["complaints"], staff.Audiences);
        Assert.Contains(staff.Claims, c => c.Type == "role" && c.Value == "unit-staff");
        Assert.Equal(FakeUnitDirectory.Kwitang.ToString(), staff.GetClaim("unit_id").Value);

        var head = IdentityFixture.Read(await fixture.WaitForTokenAsync("head.senen@tinjau.local", "complaints", TimeSpan.FromSeconds(20)));
        Assert.Contains(head.Claims, c => c.Type == "role" && c.Value == "unit-head");
        Assert.Equal(FakeUnitDirectory.Senen.ToString(), head.GetClaim("unit_id").Value);
    }

    [Fact]
    public async Task The_demo_lokus_Kwitang_has_a_head_of_unit_who_can_sign_its_berita_acara()
    {
        var lurah = IdentityFixture.Read(await fixture.WaitForTokenAsync("lurah.kwitang@tinjau.local", "evaluations", TimeSpan.FromSeconds(20)));
        Assert.Equal(["unit-head"], lurah.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(FakeUnitDirectory.Kwitang.ToString(), lurah.GetClaim("unit_id").Value);
    }

    [Theory]
    [InlineData("ops@tinjau.local", "ops")]
    [InlineData("leadership@tinjau.local", "leadership")]
    [InlineData("complaint-admin@tinjau.local", "complaint-admin")]
    [InlineData("satgas@tinjau.local", "satgas")]
    [InlineData("evaluator@tinjau.local", "evaluator")]
    [InlineData("citizen@tinjau.local", "citizen")]
    public async Task Every_demo_user_can_sign_in_with_their_role(string userName, string role)
    {
        var token = IdentityFixture.Read(await fixture.TokenForAsync(userName, "inspections"));
        Assert.Equal([role], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(["inspections"], token.Audiences);
    }

    [Fact]
    public async Task Client_credentials_work_for_a_service_client_and_reject_a_wrong_secret()
    {
        using var ok = await fixture.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "complaints"),
            ("client_secret", "dev-only-complaints-secret"), ("scope", "unitregistry"));
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var token = IdentityFixture.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["unitregistry"], token.Audiences);
        Assert.Equal("complaints", token.Subject);
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "service");

        using var wrong = await fixture.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "complaints"),
            ("client_secret", "not-the-secret"), ("scope", "unitregistry"));
        var error = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode); // OpenIddict answers invalid_client with 401 (RFC 6749 §5.2 allows it)
    }

    [Fact]
    public async Task The_portal_cannot_use_the_password_grant_and_the_cli_cannot_use_client_credentials()
    {
        using var portal = await fixture.RequestTokenAsync(("grant_type", "password"), ("client_id", "tinjau-portal"),
            ("username", "admin@tinjau.local"), ("password", IdentityFixture.DemoPassword));
        Assert.Equal(HttpStatusCode.BadRequest, portal.StatusCode);
        Assert.Equal("unauthorized_client", (await portal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_access_token()
    {
        using var first = await fixture.PasswordGrantAsync("evaluator@tinjau.local", IdentityFixture.DemoPassword, "evaluations offline_access");
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var refresh = body.GetProperty("refresh_token").GetString()!;

        using var second = await fixture.RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", "tinjau-cli"), ("refresh_token", refresh));
        var renewed = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var token = IdentityFixture.Read(renewed.GetProperty("access_token").GetString()!);
        Assert.Equal(["evaluations"], token.Audiences);
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "evaluator");
    }

    [Fact]
    public async Task Authorize_requires_pkce_and_sends_an_anonymous_user_to_the_login_form()
    {
        using var client = fixture.CreateClient();
        using var withoutPkce = await client.GetAsync(
            "/connect/authorize?client_id=tinjau-portal&response_type=code&scope=openid%20complaints&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback");
        var rejection = await withoutPkce.Content.ReadAsStringAsync();
        Assert.True(withoutPkce.StatusCode == HttpStatusCode.BadRequest, $"{withoutPkce.StatusCode} {withoutPkce.Headers.Location} {rejection}");
        Assert.Contains("code_challenge", rejection);

        using var withPkce = await client.GetAsync(
            "/connect/authorize?client_id=tinjau-portal&response_type=code&scope=openid%20complaints&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=abc");
        Assert.Equal(HttpStatusCode.Found, withPkce.StatusCode);
        Assert.StartsWith("/account/login", withPkce.Headers.Location!.PathAndQuery);

        using var form = await client.GetAsync(withPkce.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/account/login\">", await form.Content.ReadAsStringAsync());
    }
}
