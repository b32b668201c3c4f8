using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tinjau.Identity.Api.Infrastructure;

public static class IdentityServerSetup
{
    /// <summary>The API scopes: one per service, each scope's resource (audience) is the service name.</summary>
    public static readonly string[] ApiScopes = ["unitregistry", "complaints", "inspections", "evaluations", "identity"];

    /// <summary>Confidential clients, one per service, for client-credentials calls between services.</summary>
    public static readonly string[] ServiceClients = ["complaints", "inspections", "evaluations", "unitregistry"];

    public const string PortalClientId = "tinjau-portal";
    public const string CliClientId = "tinjau-cli";
    public const string Audience = "identity";

    public static WebApplicationBuilder AddTinjauIdentityServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TinjauIdentityOptions.Section).Get<TinjauIdentityOptions>() ?? new();
        builder.Services.Configure<TinjauIdentityOptions>(builder.Configuration.GetSection(TinjauIdentityOptions.Section));
        var (signingKey, encryptionKey) = SigningKeys.Load(builder.Configuration, builder.Environment);

        builder.Services.AddIdentity<TinjauUser, IdentityRole<Guid>>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false; // phone-only citizens have no email; user names are unique
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
                identity.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.Cookie.Name = "tinjau.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(options.Issuer)
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes])
                    .RegisterClaims([Claims.Subject, Claims.Name, Claims.Email, Claims.PhoneNumber, Claims.Role, TokenPrincipals.UnitIdClaim])
                    .SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .AddSigningKey(signingKey)
                    .AddEncryptionKey(encryptionKey)
                    .DisableAccessTokenEncryption(); // services validate the signed JWTs locally
                if (options.EnableDevelopmentCliClient)
                {
                    server.AllowPasswordFlow(); // only the tinjau-cli application holds the permission
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (builder.Environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        // The service's own API (audience "identity") is protected like every other service's, except that the
        // keys are known locally instead of fetched from a discovery document.
        builder.AddTinjauAuthentication(Audience, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = options.Issuer.AbsoluteUri };
            configuration.SigningKeys.Add(signingKey);
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            jwt.TokenValidationParameters.ValidIssuer = options.Issuer.AbsoluteUri;
        });

        builder.Services.AddScoped<TokenPrincipals>();
        // The registry's one client, without a token (Identity issues them) and asked fresh every time.
        builder.AddUnitRegistryClient(clientId: null, configure: o => o.UnitsFor = TimeSpan.Zero);
        builder.Services.AddHostedService<DemoUnitBindingService>();
        return builder;
    }

    /// <summary>Whether this process seeds the demo users: local runs only.</summary>
    public static bool SeedsDemoUsers(IHostEnvironment environment, TinjauIdentityOptions options) =>
        environment.IsDevelopment() || options.SeedDemoUsers;
}
