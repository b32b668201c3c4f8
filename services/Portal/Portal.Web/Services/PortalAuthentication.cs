using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// Citizens sign in with OpenID Connect (authorization code + PKCE, public client <c>tinjau-portal</c>) against the
/// Identity service through the gateway. The portal keeps a cookie whose ticket, with the tokens, lives on the server
/// (<see cref="MemoryTicketStore"/>): the browser holds only a key. The browser goes to the gateway's public address
/// for the authorization and end-session endpoints; the portal reaches discovery, keys and the token endpoint through
/// the gateway's internal address.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieName = "tinjau.portal";

    /// <summary>Where a request keeps the access token once read (<see cref="AccessTokenAsync"/>).</summary>
    internal const string TokenItem = "tinjau.token";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MemoryTicketStore>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/akun/masuk";
                o.AccessDeniedPath = "/";
                o.Events.OnValidatePrincipal = TokenRefresh.ValidateAsync;
            })
            .AddOpenIdConnect(o =>
            {
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = false;
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "phone", "roles", "offline_access", "complaints", "evaluations", "identity", "inspections", "unitregistry" })
                {
                    o.Scope.Add(scope);
                }
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<MemoryTicketStore>((o, store) => o.SessionStore = store);
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<PortalOptions>, IHttpClientFactory, IConfiguration>((o, portal, factory, configuration) =>
            {
                var issuer = IssuerOf(configuration);
                var gateway = portal.Value.GatewayUrl.TrimEnd('/') + "/";
                o.ClientId = portal.Value.ClientId;
                o.Authority = issuer;
                o.Backchannel = factory.CreateClient("oidc");
                o.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    gateway + ".well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
                    new GatewayDocumentRetriever(o.Backchannel, issuer, gateway));
                o.Events = new OpenIdConnectEvents
                {
                    OnRedirectToIdentityProvider = async ctx =>
                    {
                        await UseGatewayForTokensAsync(ctx.Options, issuer, gateway);
                        ctx.ProtocolMessage.IssuerAddress = PublicBase(ctx.Request) + "connect/authorize";
                    },
                    OnRedirectToIdentityProviderForSignOut = ctx =>
                    {
                        ctx.ProtocolMessage.IssuerAddress = PublicBase(ctx.Request) + "connect/logout";
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddHttpClient("oidc");
        return builder;
    }

    /// <summary>The signed-in citizen's access token for the platform's APIs, or null.</summary>
    public static async Task<string?> AccessTokenAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(TokenItem, out var cached))
        {
            return cached as string;
        }
        string? token = null;
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var result = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            token = result.Properties?.GetTokenValue("access_token");
            if (result.Properties?.GetTokenValue("expires_at") is { } expires
                && DateTimeOffset.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
                && at < DateTimeOffset.UtcNow)
            {
                token = null;
            }
        }
        http.Items[TokenItem] = token;
        return token;
    }

    private static string IssuerOf(IConfiguration configuration) =>
        new Uri(configuration["Identity:Issuer"] ?? AuthenticationExtensions.DefaultIssuer).AbsoluteUri;

    private static string PublicBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>Identity's token endpoint, reached through the gateway's internal address.</summary>
    internal static async Task<string> TokenEndpointAsync(OpenIdConnectOptions options, IServiceProvider services)
    {
        var issuer = IssuerOf(services.GetRequiredService<IConfiguration>());
        var gateway = services.GetRequiredService<IOptions<PortalOptions>>().Value.GatewayUrl.TrimEnd('/') + "/";
        await UseGatewayForTokensAsync(options, issuer, gateway);
        var discovered = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        return discovered.TokenEndpoint;
    }

    private static async Task UseGatewayForTokensAsync(OpenIdConnectOptions options, string issuer, string gateway)
    {
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        if (configuration.TokenEndpoint?.StartsWith(issuer, StringComparison.OrdinalIgnoreCase) == true)
        {
            configuration.TokenEndpoint = gateway + configuration.TokenEndpoint[issuer.Length..];
        }
    }

    /// <summary>Fetches discovery documents and keys through the gateway's internal address instead of the public issuer.</summary>
    private sealed class GatewayDocumentRetriever(HttpClient http, string issuer, string gateway) : IDocumentRetriever
    {
        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            var target = address.StartsWith(issuer, StringComparison.OrdinalIgnoreCase) ? gateway + address[issuer.Length..] : address;
            using var response = await http.GetAsync(target, cancel);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancel);
        }
    }
}

/// <summary>
/// Keeps authentication tickets (with the tokens) in server memory; the cookie carries only the key. Each request gets
/// a copy: pages load in parallel, and one that refreshes the tokens changes its ticket while another reads its own.
/// </summary>
public sealed class MemoryTicketStore(IMemoryCache cache) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = "ticket:" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Put(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Put(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(cache.Get<AuthenticationTicket>(key)?.Clone());

    public Task RemoveAsync(string key)
    {
        cache.Remove(key);
        return Task.CompletedTask;
    }

    private void Put(string key, AuthenticationTicket ticket) =>
        cache.Set(key, ticket.Clone(), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(8) });
}
