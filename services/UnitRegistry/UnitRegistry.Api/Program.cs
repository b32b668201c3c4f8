using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Tinjau.Messaging;
using Tinjau.UnitRegistry.Api.Apis;
using Tinjau.UnitRegistry.Api.Application;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Infrastructure;
using Tinjau.UnitRegistry.Api.IntegrationEvents;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTinjauAuthentication(audience: "unitregistry");
builder.AddServiceDatabase<UnitRegistryDbContext>(ResourceNames.UnitRegistryDb, configureDbContextOptions: o => o.UseSnakeCaseNamingConvention());
builder.AddServiceCache(keyPrefix: "unitregistry:");
builder.AddMessaging<UnitRegistryDbContext>(bus =>
{
    bus.AddConsumer<UnitRegisteredConsumer>();
    // Counters of one unit are read, changed and written: one message at a time per instance, and the row's
    // concurrency token turns a clash between instances into a retry rather than a lost count.
    bus.AddConsumer<ComplaintStatsConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
    bus.AddConsumer<EvaluationResultConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
});

builder.Services.AddSingleton<UnitCache>();
builder.Services.AddScoped<UnitImport>();
builder.Services.AddOptions<LocateOptions>().BindConfiguration("UnitRegistry:Locate");
builder.Services.AddOptions<CalendarOptions>().BindConfiguration("UnitRegistry:Calendar");
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Tinjau UnitRegistry API";
    doc.Info.Description = "Units (UKPD) and their hierarchy, service hours, service catalogue, holiday calendar and working days. "
                           + UnitsApi.LocateRule;
    return Task.CompletedTask;
}));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapDefaultEndpoints();
app.MapUnitRegistryApi();

await app.MigrateDbContextAsync<UnitRegistryDbContext>(UnitRegistrySeed.SeedAsync);
app.Run();

public partial class Program;
