using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tinjau.Inspections.Api.Infrastructure;

public static class InspectionsServiceExtensions
{
    /// <summary>
    /// Authentication, database, cache, messaging, the OpenAPI document, options, the unit registry client, the evidence store, the unit record cache, the per-request scope, the route
    /// policies and the operations of <c>Application/</c>.
    /// </summary>
    public static IHostApplicationBuilder AddInspections(this IHostApplicationBuilder builder)
    {
        builder.AddServicePlatform<InspectionsDb>("inspections", ResourceNames.InspectionsDb, o => o.UseSnakeCaseNamingConvention());
        builder.AddMessaging<InspectionsDb>();
        builder.Services.AddServiceApi("Tinjau Inspections API", "Sidak: secret plans, check-in, checklist, attendance, evidence, "
            + "hash-chained visit records, follow-up to sanctions.");
        var services = builder.Services;
        services.AddOptions<InspectionsOptions>().BindConfiguration(InspectionsOptions.Section);
        // The registry's one client (short timeouts; a client-credentials token when the Identity service gave this
        // service a client). Units are asked fresh every time, holidays kept for an hour.
        builder.AddUnitRegistryClient("inspections", builder.Configuration["Inspections:UnitRegistryScope"] ?? "unitregistry",
            o => o.UnitsFor = TimeSpan.Zero);
        services.AddScoped<IEvidenceStore, PostgresEvidenceStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<InspectionsScope>();
        services.AddAuthorization(InspectionsPolicies.Add);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, InspectionsAuthorizationResults>());
        services.AddScoped<PlanOperations>();
        services.AddScoped<VisitCheckIn>();
        services.AddScoped<VisitSubmission>();
        services.AddScoped<VisitReads>();
        services.AddScoped<VisitAmendments>();
        services.AddScoped<FollowUpOperations>();
        services.AddScoped<OfficerAbsences>();
        services.AddScoped<UnitRoster>();
        services.AddScoped<UnitRecords>();
        services.AddScoped<ChecklistOperations>();
        services.AddScoped<UnitCalendars>();
        services.AddScoped<UnitDirectory>();
        services.AddSingleton<UnitRecordCache>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    /// <summary>The service's pipeline and every endpoint.</summary>
    public static WebApplication MapInspections(this WebApplication app)
    {
        app.UseServiceApi();
        app.MapPlansApi();
        app.MapVisitsApi();
        app.MapChecklistsApi();
        app.MapFollowUpsApi();
        app.MapOfficersApi();
        app.MapUnitRecordsApi();
        return app;
    }
}
