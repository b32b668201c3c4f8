using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tinjau.Identity.Api.Infrastructure;

namespace Tinjau.Identity.Tests;

/// <summary>
/// A tiny resource server (audience <c>unitregistry</c>) set up with ServiceDefaults' <c>AddTinjauAuthentication</c>,
/// fetching the discovery document and keys from the Identity service under test.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class ResourceServerTests(IdentityFixture fixture) : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration["services:identity:http:0"] = "http://identity.test";
        builder.Configuration["Identity:Issuer"] = "http://localhost:8080/";
        builder.AddTinjauAuthentication(audience: "unitregistry");
        builder.Services.AddHttpClient(AuthenticationExtensions.IdentityMetadataClientName)
            .ConfigurePrimaryHttpMessageHandler(() => fixture.Factory.Server.CreateHandler());
        app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/units", (ClaimsPrincipal user) => user.FindFirst(TinjauClaims.Subject)!.Value).RequireAuthorization(Policies.Authenticated);
        app.MapPost("/units", () => "created").RequireAuthorization(Policies.Admin);
        app.MapGet("/units/{id:guid}/complaints", async (Guid id, ClaimsPrincipal user) =>
            await UnitScope.CoversAsync(user, id, (ancestor, unit, _) => ValueTask.FromResult(ancestor == FakeUnitDirectory.Senen && unit == FakeUnitDirectory.Kwitang))
                ? Results.Ok() : Results.Forbid()).RequireAuthorization(Policies.UnitMember);
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_token_for_this_audience_is_accepted_and_roles_drive_policies()
    {
        var citizen = await fixture.TokenForAsync("citizen@tinjau.local", "unitregistry");
        using var ok = await GetAsync("/units", citizen);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(IdentityFixture.Read(citizen).Subject, await ok.Content.ReadAsStringAsync());

        using var forbidden = await GetAsync("/units", citizen, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);

        using var allowed = await GetAsync("/units", await fixture.TokenForAsync("admin@tinjau.local", "unitregistry"), HttpMethod.Post);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        using var service = await fixture.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "complaints"),
            ("client_secret", "dev-only-complaints-secret"), ("scope", "unitregistry"));
        var serviceToken = JsonDocument.Parse(await service.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        using var serviceCall = await GetAsync("/units", serviceToken);
        Assert.Equal(HttpStatusCode.OK, serviceCall.StatusCode);
    }

    [Fact]
    public async Task Unit_scope_covers_the_own_unit_and_for_a_unit_head_the_subtree()
    {
        var staff = await fixture.WaitForTokenAsync("staff.kwitang@tinjau.local", "unitregistry", TimeSpan.FromSeconds(20));
        var head = await fixture.WaitForTokenAsync("head.senen@tinjau.local", "unitregistry", TimeSpan.FromSeconds(20));

        using var own = await GetAsync($"/units/{FakeUnitDirectory.Kwitang}/complaints", staff);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await GetAsync($"/units/{FakeUnitDirectory.Senen}/complaints", staff);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var subtree = await GetAsync($"/units/{FakeUnitDirectory.Kwitang}/complaints", head);
        Assert.Equal(HttpStatusCode.OK, subtree.StatusCode);
    }

    [Fact]
    public async Task No_token_is_a_401_problem()
    {
        using var response = await GetAsync("/units", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var token = await fixture.TokenForAsync("admin@tinjau.local", "complaints");
        using var response = await GetAsync("/units", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var token = await fixture.TokenForAsync("citizen@tinjau.local", "unitregistry");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"citizen\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.NotEqual(token, tampered);

        using var response = await GetAsync("/units", tampered, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_signed_with_the_real_key_is_rejected_and_the_same_token_unexpired_is_accepted()
    {
        var key = SigningKeys.FromPem(await File.ReadAllTextAsync(Path.Combine(fixture.KeysPath, SigningKeys.SigningFile)));
        string Mint(DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost:8080/",
            Audience = "unitregistry",
            Subject = new ClaimsIdentity([new Claim("sub", "someone"), new Claim("role", "citizen")]),
            IssuedAt = expires.AddMinutes(-30),
            NotBefore = expires.AddMinutes(-30),
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        using var expired = await GetAsync("/units", Mint(DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString());

        using var fresh = await GetAsync("/units", Mint(DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
