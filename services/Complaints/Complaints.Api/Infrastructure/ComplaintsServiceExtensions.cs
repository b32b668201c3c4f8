using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Http.Resilience;

namespace Tinjau.Complaints.Api.Infrastructure;

public static class ComplaintsServiceExtensions
{
    public const string ClientId = "complaints";

    /// <summary>
    /// The service's registrations: authentication, database, cache, messaging, options, the unit registry client,
    /// application services, the SLA monitor, the OpenAPI document.
    /// </summary>
    public static IHostApplicationBuilder AddComplaints(this IHostApplicationBuilder builder)
    {
        builder.AddServicePlatform<ComplaintsDb>("complaints", ResourceNames.ComplaintsDb);
        builder.AddMessaging<ComplaintsDb>(bus => bus.AddConsumer<KelurahanSnapshotConsumer>().Endpoint(e =>
        {
            // A queue per process for its own copy (see KelurahanSnapshotConsumer), gone when the process is.
            e.Temporary = true;
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
        }));

        var services = builder.Services;
        services.AddOptions<ComplaintsOptions>().BindConfiguration(ComplaintsOptions.Section)
            .Validate(o => o.Categories.Count > 0, "Complaints:Categories must list at least one category.")
            .ValidateOnStart();
        services.AddOptions<SlaOptions>().BindConfiguration("Complaints:Sla");

        // Intake must not wait long for the registry (it files unrouted instead): the client's short timeouts, one retry;
        // service-to-service calls carry a client-credentials token when this service has a client secret.
        builder.AddUnitRegistryClient(ClientId, builder.Configuration["Complaints:UnitRegistryScope"] ?? "unitregistry");

        services.AddScoped<ComplaintAccess>();
        services.AddScoped<SlaClock>();
        services.AddSingleton<TrackingSecrets>();
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<ComplaintWorkflow>();
        services.AddScoped<ComplaintStatistics>();
        services.AddScoped<Open311Requests>();
        services.AddScoped<SlaSweep>();
        services.AddScoped<ComplaintWorkflowApi.Ctx>();
        services.AddHostedService<SlaMonitor>();
        services.AddSingleton<KelurahanSnapshot>();
        services.AddHostedService<KelurahanSnapshotLoader>();

        // Behind the gateway (the one public entry): links this service writes (Open311 discovery) name the public
        // scheme, host and path prefix the gateway forwards. Only the gateway reaches the service, so it is trusted.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddHttpContextAccessor();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddServiceApi("Tinjau Complaints API", "Citizen complaints from every channel, the JAKI/LAPOR! workflow, SLA clocks in "
            + "working days, public tracking, statistics and Open311 GeoReport v2.");
        return builder;
    }

    /// <summary>The service's pipeline and every endpoint.</summary>
    public static WebApplication MapComplaints(this WebApplication app)
    {
        app.UseServiceApi();
        app.MapComplaintsApi();
        app.MapComplaintWorkflowApi();
        app.MapTrackingApi();
        app.MapAttachmentsApi();
        app.MapSupportApi();
        app.MapStatisticsApi();
        app.MapOpen311Api();
        return app;
    }
}
