using Tinjau.Evaluations.Api.IntegrationEvents;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>What <c>Program.cs</c> calls: the service's registrations and its pipeline with every endpoint.</summary>
public static class EvaluationsServiceExtensions
{
    public static IHostApplicationBuilder AddEvaluations(this IHostApplicationBuilder builder)
    {
        builder.AddServicePlatform<EvaluationsDbContext>("evaluations", ResourceNames.EvaluationsDb, o => o.UseSnakeCaseNamingConvention());
        builder.AddMessaging<EvaluationsDbContext>(bus => bus.AddConsumer<PlatformEvidenceConsumer>());

        builder.Services.AddOptions<F03Options>().BindConfiguration(F03Options.Section)
            .Validate(o => o.Share is >= 0 and <= 0.5m && o.MinimumRespondents >= 1 && o.MaxInvitationsPerRequest >= 1,
                "Evaluations:F03: Share in [0, 0.5], MinimumRespondents ≥ 1, MaxInvitationsPerRequest ≥ 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<SkmOptions>().BindConfiguration(SkmOptions.Section)
            .Validate(o => o.WeightDecimals is null or (>= 2 and <= 6), "Evaluations:Skm:WeightDecimals is empty (exact 1/9) or 2–6.")
            .ValidateOnStart();
        builder.Services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section);
        builder.Services.AddOptions<OmbudsmanOptions>().BindConfiguration(OmbudsmanOptions.Section)
            .Validate(o => o.GreenFrom > o.YellowFrom, "Evaluations:Ombudsman: GreenFrom must be above YellowFrom.")
            .ValidateOnStart();

        // The registry's one client: units and subtrees kept five minutes, working-day answers asked fresh.
        builder.AddUnitRegistryClient("evaluations", builder.Configuration["Evaluations:UnitRegistryScope"] ?? "unitregistry",
            o => o.WorkingDaysFor = TimeSpan.Zero);
        builder.Services.AddSingleton<CityClock>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<EvaluationsScope>();
        builder.Services.AddScoped<EvaluationLoader>();
        builder.Services.AddScoped<InstrumentOperations>();
        builder.Services.AddScoped<CycleOperations>();
        builder.Services.AddScoped<FormOperations>();
        builder.Services.AddScoped<F03Operations>();
        builder.Services.AddScoped<BeritaAcaraSigning>();
        builder.Services.AddScoped<RecommendationOperations>();
        builder.Services.AddScoped<InsightOperations>();
        builder.Services.AddScoped<SkmOperations>();
        builder.Services.AddScoped<EvaluationIndex>();
        builder.Services.AddScoped<PlatformEvidenceQueries>();
        builder.Services.AddScoped<Scorecards>();
        builder.Services.AddSingleton<RecommendationOverdueSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RecommendationOverdueSweep>());

        builder.Services.AddSkmTokenLimit();
        builder.Services.AddServiceApi("Tinjau Evaluations API", "PEKPPP cycles (F01, F02, verification, F03, berita acara, IPP and category, recommendations), SKM, "
            + "platform evidence from complaints and sidak, Ombudsman readiness, scorecards.");
        return builder;
    }

    public static WebApplication MapEvaluations(this WebApplication app)
    {
        app.UseServiceApi();
        app.UseRateLimiter();
        app.MapEvaluationsApi();
        return app;
    }
}
