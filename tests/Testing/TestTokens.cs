using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Tinjau.Testing;

/// <summary>
/// Stands in for the Identity service in one service's integration tests: an RSA key made for the test run that
/// signs access tokens shaped exactly like Identity's (issuer, audience, <c>role</c> and <c>unit_id</c> claims),
/// and <see cref="Trust"/>, which makes the service under test accept that key instead of fetching Identity's
/// discovery document. Everything else of the service's token validation (issuer, audience, lifetime, policies)
/// runs unchanged. The whole platform's tests use the real Identity service.
/// </summary>
public sealed class TestTokens
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "tinjau-test-" + Guid.NewGuid().ToString("N")[..8] };

    public string Issuer { get; } = AuthenticationExtensions.DefaultIssuer;

    /// <summary>Makes the JWT bearer handler of the service trust this issuer's key (call from ConfigureServices).</summary>
    public void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(_key);
            options.Configuration = configuration;
            options.ConfigurationManager = null;
            options.TokenValidationParameters.IssuerSigningKey = _key;
        });

    /// <summary>An access token for <paramref name="audience"/> with the given roles and optional unit binding.</summary>
    public string Create(string audience, IEnumerable<string> roles, Guid? unitId = null, string? subject = null,
        TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim> { new(TinjauClaims.Subject, subject ?? Guid.NewGuid().ToString()) };
        claims.AddRange(roles.Select(r => new Claim(TinjauClaims.Role, r)));
        if (unitId is { } unit)
        {
            claims.Add(new Claim(TinjauClaims.UnitId, unit.ToString()));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromMinutes(30)),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public string Create(string audience, string role, Guid? unitId = null) => Create(audience, [role], unitId);
}
