using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>What <c>Program.cs</c> calls: the service's registrations and its pipeline with every endpoint.</summary>
public static class IdentityServiceExtensions
{
    /// <summary>The database, the OpenID Connect server (OpenIddict) with ASP.NET Core Identity, the OpenAPI document.</summary>
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDb>(ResourceNames.IdentityDb);
        builder.AddTinjauIdentityServer();
        builder.Services.AddAntiforgery();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddServiceApi("Tinjau Identity API", "OpenID Connect (authorization code + PKCE, client credentials, refresh), "
            + "accounts, users and role assignments bound to units, the audit trail.");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind the gateway: the discovery document then names the public host (the issuer stays fixed by configuration).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
        });
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDataProtection().PersistKeysToFileSystem(
                new DirectoryInfo(Path.Combine(SigningKeys.KeysPath(builder.Configuration, builder.Environment), "data-protection")));
        }
        return builder;
    }

    /// <summary>The pipeline (OpenIddict's errors as problem details, antiforgery for the sign-in form) and every endpoint.</summary>
    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.UseServiceApi(OpenIddictErrors.WriteProblemAsync);
        app.UseAntiforgery();
        app.MapConnectApi();
        app.MapAccountApi();
        app.MapIdentityApi();
        app.MapUsersApi();
        return app;
    }
}
