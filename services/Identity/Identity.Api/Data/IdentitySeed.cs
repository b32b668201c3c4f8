using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tinjau.Identity.Api.Data;

/// <summary>
/// Idempotent seed run at start-up: the roles, the API scopes, the client applications and (local runs only)
/// the demo users that need no unit. Unit-bound demo users are added by <see cref="DemoUnitBindingService"/>
/// once the unit registry answers.
/// </summary>
public static class IdentitySeed
{
    public static async Task SeedAsync(IdentityDb db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<TinjauIdentityOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentitySeed));

        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in TinjauRoles.UserRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        await SeedScopesAsync(services.GetRequiredService<IOpenIddictScopeManager>(), cancellationToken);
        await SeedApplicationsAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), options,
            LocalGatewayAddress(environment, services.GetRequiredService<IConfiguration>()), logger, cancellationToken);

        if (IdentityServerSetup.SeedsDemoUsers(environment, options))
        {
            await DemoUsers.SeedAsync(services, options, unitIds: null, logger);
        }
    }

    private static async Task SeedScopesAsync(IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        foreach (var name in IdentityServerSetup.ApiScopes)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = $"The {name} API" };
            descriptor.Resources.Add(name);
            var existing = await scopes.FindByNameAsync(name, cancellationToken);
            if (existing is null)
            {
                await scopes.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await scopes.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    /// <summary>
    /// In Development the AppHost may put the gateway on another port than the issuer's (AppHost:RandomizePorts): the
    /// portal's sign-in then returns to that address, so it is registered too.
    /// </summary>
    private static Uri? LocalGatewayAddress(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && Uri.TryCreate(configuration["services:gateway:http:0"], UriKind.Absolute, out var gateway)
            && gateway.IsLoopback ? new Uri(gateway.GetLeftPart(UriPartial.Authority) + "/") : null;

    private static async Task SeedApplicationsAsync(IOpenIddictApplicationManager applications, TinjauIdentityOptions options,
        Uri? localGateway, ILogger logger, CancellationToken cancellationToken)
    {
        var apiScopePermissions = IdentityServerSetup.ApiScopes.Select(s => Permissions.Prefixes.Scope + s).ToList();

        // The web portal: a public client, authorization code + PKCE, refresh tokens.
        var portal = new OpenIddictApplicationDescriptor
        {
            ClientId = IdentityServerSetup.PortalClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Tinjau portal",
        };
        var redirectUris = options.Portal.RedirectUris.Count > 0
            ? options.Portal.RedirectUris
            : [new Uri(options.Issuer, "signin-oidc"), new Uri(options.Issuer, "callback")];
        var postLogoutUris = options.Portal.PostLogoutRedirectUris.Count > 0 ? options.Portal.PostLogoutRedirectUris : [options.Issuer];
        if (localGateway is not null)
        {
            redirectUris = [.. redirectUris, new Uri(localGateway, "signin-oidc")];
            postLogoutUris = [.. postLogoutUris, localGateway, new Uri(localGateway, "signout-callback-oidc")];
        }
        foreach (var uri in redirectUris.Distinct())
        {
            portal.RedirectUris.Add(uri);
        }

        foreach (var uri in postLogoutUris.Distinct())
        {
            portal.PostLogoutRedirectUris.Add(uri);
        }

        portal.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone, Permissions.Scopes.Roles, .. apiScopePermissions]);
        portal.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        await UpsertAsync(applications, portal, cancellationToken);

        // One confidential client per service, for client-credentials calls to the other services.
        foreach (var clientId in IdentityServerSetup.ServiceClients)
        {
            var secret = options.Clients.TryGetValue(clientId, out var client) ? client.Secret : null;
            if (string.IsNullOrWhiteSpace(secret))
            {
                logger.LogWarning("No secret configured for client {ClientId} (Identity:Clients:{ClientId}:Secret); it is not registered", clientId, clientId);
                continue;
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = $"{clientId} service",
            };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, .. apiScopePermissions]);
            await UpsertAsync(applications, descriptor, cancellationToken);
        }

        // The development CLI: password grant, only when explicitly enabled (appsettings.Development.json does).
        var cli = await applications.FindByClientIdAsync(IdentityServerSetup.CliClientId, cancellationToken);
        if (options.EnableDevelopmentCliClient)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityServerSetup.CliClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "Tinjau development CLI (password grant, local runs only)",
            };
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone, Permissions.Scopes.Roles, .. apiScopePermissions]);
            await UpsertAsync(applications, descriptor, cancellationToken);
        }
        else if (cli is not null)
        {
            await applications.DeleteAsync(cli, cancellationToken);
        }
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
