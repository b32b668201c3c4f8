using MassTransit;
using Tinjau.Messaging;
using Tinjau.UnitRegistry.Api.IntegrationEvents;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>What <c>Program.cs</c> calls: the service's registrations and its pipeline with every endpoint.</summary>
public static class UnitRegistryServiceExtensions
{
    /// <summary>Authentication, database, cache, messaging with the registry's consumers, options, the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddUnitRegistry(this IHostApplicationBuilder builder)
    {
        builder.AddServicePlatform<UnitRegistryDbContext>("unitregistry", ResourceNames.UnitRegistryDb, o => o.UseSnakeCaseNamingConvention());
        builder.AddMessaging<UnitRegistryDbContext>(bus =>
        {
            bus.AddConsumer<UnitRegisteredConsumer>();
            // Counters of one unit are read, changed and written: in batches, one at a time per instance (see the consumer).
            bus.AddConsumer<ComplaintStatsConsumer>(c => c.Options<BatchOptions>(ComplaintStatsConsumer.Batching));
            bus.AddConsumer<EvaluationResultConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
        });

        builder.Services.AddSingleton<UnitCache>();
        builder.Services.AddScoped<UnitImport>();
        builder.Services.AddScoped<UnitReads>();
        builder.Services.AddScoped<UnitOperations>();
        builder.Services.AddScoped<ServiceHoursOperations>();
        builder.Services.AddScoped<CatalogueOperations>();
        builder.Services.AddScoped<CalendarOperations>();
        builder.Services.AddOptions<LocateOptions>().BindConfiguration("UnitRegistry:Locate");
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration("UnitRegistry:Calendar");
        builder.Services.AddServiceApi("Tinjau UnitRegistry API",
            "Units (UKPD) and their hierarchy, service hours, service catalogue, holiday calendar and working days. " + UnitsApi.LocateRule);
        return builder;
    }

    /// <summary>The service's pipeline and every endpoint.</summary>
    public static WebApplication MapUnitRegistry(this WebApplication app)
    {
        app.UseServiceApi();
        app.MapUnitRegistryApi();
        return app;
    }
}
