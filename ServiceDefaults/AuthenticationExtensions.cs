using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The resource-server side of Tinjau's identity: every service validates the JWT access tokens issued by
/// the Identity service itself (its own audience), and applies the shared role policies below.
/// </summary>
/// <remarks>
/// Configuration read:
/// <list type="bullet">
/// <item><c>Identity:Issuer</c>: the issuer tokens carry (default <c>http://localhost:8080/</c>, the gateway).</item>
/// <item><c>services:identity:http:0</c>: the Identity service's own address (Aspire service discovery). Its
/// discovery document and signing keys are fetched from there; addresses in the document that point at the
/// issuer (the gateway) are rewritten to this address, so a service never needs the gateway to validate.</item>
/// <item><c>Identity:Clients:&lt;clientId&gt;:Secret</c>: the secret used by <see cref="AddClientCredentialsTokenHandler"/>.</item>
/// </list>
/// </remarks>
public static class AuthenticationExtensions
{
    public const string DefaultIssuer = "http://localhost:8080/";
    public const string IdentityMetadataClientName = "tinjau-identity-metadata";
    public const string IdentityTokenClientName = "tinjau-identity-token";

    /// <summary>
    /// Adds JWT bearer authentication for tokens whose <c>aud</c> is <paramref name="audience"/>, the Tinjau
    /// authorization policies (<see cref="Policies"/>) and RFC 9457 problem details for 401 and 403.
    /// </summary>
    public static TBuilder AddTinjauAuthentication<TBuilder>(this TBuilder builder, string audience,
        Action<JwtBearerOptions>? configure = null) where TBuilder : IHostApplicationBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        var issuer = new Uri(builder.Configuration["Identity:Issuer"] ?? DefaultIssuer).AbsoluteUri;
        var identityAddress = IdentityServiceAddress(builder.Configuration) ?? issuer;

        builder.Services.AddHttpClient(IdentityMetadataClientName);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, httpClientFactory) =>
            {
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = false;
                options.MetadataAddress = new Uri(new Uri(identityAddress), ".well-known/openid-configuration").ToString();
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RoleClaimType = TinjauClaims.Role,
                    NameClaimType = TinjauClaims.Subject,
                };
                var retriever = new IssuerRewritingDocumentRetriever(
                    httpClientFactory.CreateClient(IdentityMetadataClientName), issuer, identityAddress);
                options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    options.MetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
                {
                    AutomaticRefreshInterval = TimeSpan.FromHours(1),
                    RefreshInterval = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnChallenge = WriteUnauthorizedAsync,
                    OnForbidden = WriteForbiddenAsync,
                };
                configure?.Invoke(options);
            });

        builder.Services.AddAuthorization(AddTinjauPolicies);
        return builder;
    }

    /// <summary>The standard policies, all evaluated against the JWT bearer scheme.</summary>
    public static void AddTinjauPolicies(AuthorizationOptions options)
    {
        void Add(string name, params string[] roles) => options.AddPolicy(name, policy =>
        {
            policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser();
            if (roles.Length > 0)
            {
                policy.RequireRole(roles);
            }
        });

        Add(Policies.Authenticated);
        Add(Policies.Admin, TinjauRoles.Admin);
        Add(Policies.Staff, TinjauRoles.Staff);
        Add(Policies.UnitMember, TinjauRoles.UnitStaff, TinjauRoles.UnitHead);
        Add(Policies.ComplaintAdmin, TinjauRoles.ComplaintAdmin, TinjauRoles.Admin);
        Add(Policies.Satgas, TinjauRoles.Satgas, TinjauRoles.Admin);
        Add(Policies.Evaluator, TinjauRoles.Evaluator, TinjauRoles.Admin);
        Add(Policies.CityWideRead, TinjauRoles.Leadership, TinjauRoles.ComplaintAdmin, TinjauRoles.Evaluator,
            TinjauRoles.Satgas, TinjauRoles.Admin);
        Add(Policies.Ops, TinjauRoles.Ops, TinjauRoles.Admin);
        Add(Policies.Citizen, TinjauRoles.Citizen);
        Add(Policies.Service, TinjauRoles.Service);
    }

    /// <summary>
    /// Adds a handler that obtains a client-credentials access token with OpenIddict's client from the Identity
    /// service's token endpoint (at <c>services:identity:http:0</c>/connect/token, a static server configuration with
    /// the issuer <c>Identity:Issuer</c>, so no discovery through the gateway), caches it until shortly before it
    /// expires and sends it as a bearer token. The secret is read from <c>Identity:Clients:&lt;clientId&gt;:Secret</c>.
    /// </summary>
    public static IHttpClientBuilder AddClientCredentialsTokenHandler(this IHttpClientBuilder builder, string clientId, string scope)
    {
        builder.Services.AddOpenIddict().AddClient(client =>
        {
            client.AllowClientCredentialsFlow();
            client.DisableTokenStorage();
            client.UseSystemNetHttp();
        });
        builder.Services.AddOptions<OpenIddictClientOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (options.Registrations.Exists(r => r.RegistrationId == clientId))
            {
                return;
            }
            var issuer = new Uri(configuration["Identity:Issuer"] ?? DefaultIssuer);
            var identity = new Uri(IdentityServiceAddress(configuration) ?? issuer.AbsoluteUri);
            options.Registrations.Add(new OpenIddictClientRegistration
            {
                RegistrationId = clientId,
                Issuer = issuer,
                ClientId = clientId,
                ClientSecret = configuration[$"Identity:Clients:{clientId}:Secret"]
                    ?? throw new InvalidOperationException($"Identity:Clients:{clientId}:Secret is not configured."),
                Configuration = new OpenIddictConfiguration
                {
                    Issuer = issuer,
                    TokenEndpoint = new Uri(identity, "connect/token"),
                    GrantTypesSupported = { GrantTypes.ClientCredentials },
                    TokenEndpointAuthMethodsSupported = { ClientAuthenticationMethods.ClientSecretPost },
                },
            });
        });
        builder.Services.AddSingleton<ClientCredentialsTokenCache>();
        builder.AddHttpMessageHandler(sp => new ClientCredentialsTokenHandler(
            sp.GetRequiredService<ClientCredentialsTokenCache>(), clientId, scope));
        return builder;
    }

    internal static string? IdentityServiceAddress(IConfiguration configuration)
    {
        var address = configuration["services:identity:http:0"] ?? configuration["services:identity:https:0"];
        return string.IsNullOrWhiteSpace(address) ? null : address.EndsWith('/') ? address : address + "/";
    }

    private static async Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure is null
            ? "A bearer access token is required."
            : "The bearer access token is invalid, expired, or not meant for this service.";
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        await TypedResultsProblem(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    private static Task WriteForbiddenAsync(ForbiddenContext context) =>
        TypedResultsProblem(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            "The caller is authenticated but not allowed to do this.");

    private static Task TypedResultsProblem(HttpContext httpContext, int status, string title, string detail) =>
        Microsoft.AspNetCore.Http.TypedResults.Problem(detail: detail, statusCode: status, title: title,
            type: $"https://tools.ietf.org/html/rfc9110#section-15.5.{(status == 401 ? 2 : 4)}").ExecuteAsync(httpContext);

    /// <summary>
    /// Fetches the discovery document and keys from the Identity service directly. The document's addresses
    /// start with the public issuer (the gateway); they are rewritten to the service's own address.
    /// </summary>
    private sealed class IssuerRewritingDocumentRetriever(HttpClient httpClient, string issuer, string identityAddress) : IDocumentRetriever
    {
        private readonly HttpDocumentRetriever inner = new(httpClient) { RequireHttps = false };

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (!string.Equals(issuer, identityAddress, StringComparison.OrdinalIgnoreCase)
                && address.StartsWith(issuer, StringComparison.OrdinalIgnoreCase))
            {
                address = identityAddress + address[issuer.Length..];
            }

            return inner.GetDocumentAsync(address, cancel);
        }
    }

    internal sealed class ClientCredentialsTokenCache(OpenIddictClientService client, TimeProvider timeProvider)
    {
        private readonly ConcurrentDictionary<(string ClientId, string Scope), (string Token, DateTimeOffset RenewAt)> tokens = new();
        private readonly SemaphoreSlim gate = new(1, 1);

        public async Task<string> GetTokenAsync(string clientId, string scope, CancellationToken cancellationToken)
        {
            if (tokens.TryGetValue((clientId, scope), out var cached) && cached.RenewAt > timeProvider.GetUtcNow())
            {
                return cached.Token;
            }

            await gate.WaitAsync(cancellationToken);
            try
            {
                if (tokens.TryGetValue((clientId, scope), out cached) && cached.RenewAt > timeProvider.GetUtcNow())
                {
                    return cached.Token;
                }

                var result = await client.AuthenticateWithClientCredentialsAsync(new()
                {
                    RegistrationId = clientId,
                    Scopes = [scope],
                    CancellationToken = cancellationToken,
                });
                var now = timeProvider.GetUtcNow();
                var lifetime = TimeSpan.FromSeconds(Math.Max((result.AccessTokenExpirationDate - now)?.TotalSeconds ?? 0, 60));
                tokens[(clientId, scope)] = (result.AccessToken, now + lifetime - TimeSpan.FromSeconds(Math.Min(60, lifetime.TotalSeconds / 2)));
                return result.AccessToken;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private sealed class ClientCredentialsTokenHandler(ClientCredentialsTokenCache cache, string clientId, string scope) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await cache.GetTokenAsync(clientId, scope, cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Claim types in Tinjau access tokens.</summary>
public static class TinjauClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    /// <summary>The unit (UKPD) a unit-staff or unit-head user is bound to, a Guid from the unit registry.</summary>
    public const string UnitId = "unit_id";
    public const string ClientId = "client_id";
}

/// <summary>The roles of Tinjau (<see cref="Service"/> is carried by client-credentials tokens only).</summary>
public static class TinjauRoles
{
    public const string Citizen = "citizen";
    public const string UnitStaff = "unit-staff";
    public const string UnitHead = "unit-head";
    public const string ComplaintAdmin = "complaint-admin";
    public const string Satgas = "satgas";
    public const string Evaluator = "evaluator";
    public const string Leadership = "leadership";
    public const string Ops = "ops";
    public const string Admin = "admin";
    public const string Service = "service";

    /// <summary>Roles a person can hold.</summary>
    public static readonly IReadOnlyList<string> UserRoles =
        [Citizen, UnitStaff, UnitHead, ComplaintAdmin, Satgas, Evaluator, Leadership, Ops, Admin];

    /// <summary>Roles that need a unit binding (<see cref="TinjauClaims.UnitId"/>).</summary>
    public static readonly IReadOnlyList<string> UnitBound = [UnitStaff, UnitHead];

    /// <summary>Every government-side role (everyone but citizens and machines).</summary>
    public static readonly string[] Staff = [UnitStaff, UnitHead, ComplaintAdmin, Satgas, Evaluator, Leadership, Ops, Admin];
}

/// <summary>Names of the authorization policies added by <see cref="AuthenticationExtensions.AddTinjauAuthentication"/>.</summary>
public static class Policies
{
    /// <summary>Any valid token for this service's audience.</summary>
    public const string Authenticated = "tinjau:authenticated";
    public const string Admin = "tinjau:admin";
    /// <summary>Any government-side role (<see cref="TinjauRoles.Staff"/>).</summary>
    public const string Staff = "tinjau:staff";
    /// <summary>unit-staff or unit-head; combine with <see cref="UnitScope"/> for the unit itself.</summary>
    public const string UnitMember = "tinjau:unit-member";
    public const string ComplaintAdmin = "tinjau:complaint-admin";
    public const string Satgas = "tinjau:satgas";
    public const string Evaluator = "tinjau:evaluator";
    /// <summary>Read access across the whole city: leadership, complaint-admin, evaluator, satgas, admin.</summary>
    public const string CityWideRead = "tinjau:city-wide-read";
    public const string Ops = "tinjau:ops";
    public const string Citizen = "tinjau:citizen";
    /// <summary>A service calling with a client-credentials token.</summary>
    public const string Service = "tinjau:service";
}

/// <summary>
/// Does the caller's unit binding cover a unit? A unit-staff user covers exactly their unit; a unit-head
/// covers their unit and its subtree (a camat covers the kelurahan of the kecamatan). Whether a unit lies in
/// another's subtree is the unit registry's knowledge, so the caller passes that check in
/// (<paramref name="isDescendant"/>: ancestorId, unitId → bool), e.g. backed by a cached registry call or a
/// local read model. City-wide roles are not units: check those with <see cref="Policies.CityWideRead"/>.
/// </summary>
public static class UnitScope
{
    public static Guid? GetUnitId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(TinjauClaims.UnitId)?.Value, out var id) ? id : null;

    /// <summary>True when the caller is unit-staff or unit-head bound to exactly <paramref name="unitId"/>.</summary>
    public static bool CoversExactly(ClaimsPrincipal user, Guid unitId) =>
        user.GetUnitId() == unitId && (user.IsInRole(TinjauRoles.UnitStaff) || user.IsInRole(TinjauRoles.UnitHead));

    /// <summary>True when the caller's unit is <paramref name="unitId"/>, or (unit-head only) an ancestor of it.</summary>
    public static async ValueTask<bool> CoversAsync(ClaimsPrincipal user, Guid unitId,
        Func<Guid, Guid, CancellationToken, ValueTask<bool>>? isDescendant, CancellationToken cancellationToken = default)
    {
        if (CoversExactly(user, unitId))
        {
            return true;
        }

        return user.IsInRole(TinjauRoles.UnitHead) && user.GetUnitId() is { } own && isDescendant is not null
            && await isDescendant(own, unitId, cancellationToken);
    }
}
