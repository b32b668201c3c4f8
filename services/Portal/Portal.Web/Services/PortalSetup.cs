using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;
using MudBlazor.Services;
using Tinjau.Portal.Web.Components;

namespace Tinjau.Portal.Web.Services;

public static class PortalSetup
{
    public static readonly CultureInfo[] Cultures = [PortalCulture.Indonesian, PortalCulture.English];

    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddRazorComponents();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.AddSingleton<ReceiptCookie>();
        services.AddScoped<BeritaAcaraPdf>();

        var gateway = builder.Configuration[$"{PortalOptions.Section}:GatewayUrl"] ?? "http://gateway";
        // A citizen waits at most a few seconds before hearing that a service is down (what they typed is kept).
        services.AddHttpClient<PlatformApi>(c => c.BaseAddress = new Uri(gateway))
            .WithTimeouts(attempt: TimeSpan.FromSeconds(8), total: TimeSpan.FromSeconds(15));

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The gateway (YARP) forwards the citizen's address and the public scheme and host. The portal has no
            // endpoint of its own outside the cluster, so the gateway is its only caller whatever its address.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PortalCulture.Indonesian);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Indonesian unless the citizen chose otherwise (cookie) or a link says so (?culture=en): not the browser's language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.AddPortalAuthentication();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/galat", createScopeForErrors: true);
        }
        // A page that answers 404 is re-rendered as the not-found page in a scope of its own (its NavigationManager is set once).
        app.UseStatusCodePagesWithReExecute("/tidak-ditemukan", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapDefaultEndpoints();
        app.MapPortalEndpoints();
        app.MapSidakEndpoints();
        app.MapEvaluatorDeskEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
