using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The defaults every Tinjau service shares, shaped like the ServiceDefaults project of a .NET Aspire
/// template: OpenTelemetry, health endpoints, service discovery, HttpClient resilience and problem
/// details. PostgreSQL and Redis come from Aspire's client integrations (<c>AddNpgsqlDbContext</c>,
/// <c>AddRedisClient</c>), which bring their own health checks and telemetry.
/// </summary>
public static class Extensions
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    private static readonly string[] QuietCategories =
        ["System.Net.Http.HttpClient", "Polly", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddInputHardening();
        // Binding failures reach the exception handler (as BadHttpRequestException) instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // The request lines of ASP.NET Core and YARP carry query strings, where a citizen's tracking secret can travel
        // (the portal's secret link): they stay out of the logs, and the traces keep their query strings redacted.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp.ReverseProxy", LogLevel.Warning);
        // Per-request Information lines (each outgoing call and resilience attempt, each SQL command, each request's
        // hosting and routing steps) cost CPU and a console relay under load; failures still show. Set once here for
        // every service; a service's configuration that names the category (or one below it, which is more specific
        // than this rule) turns it back on.
        foreach (var category in QuietCategories.Where(c => builder.Configuration[$"Logging:LogLevel:{c}"] is null))
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        // Console lines carry the trace and span ids (as the OTLP records do), so a line in the dashboard's console
        // view leads to its trace.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Npgsql", "Tinjau.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit", "Tinjau.*")
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health")
                                      && !ctx.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation()
                // Database and cache calls with no operation around them (health probes, the outbox's idle
                // polling) are noise in the trace list; calls made by a request or a message keep its trace.
                // Under a load that keeps the cores busy a fraction of the traces is enough (and a dashboard that
                // ingests every span falls behind): Telemetry:TraceSampleRatio, between 0 and 1.
                .SetSampler(new QuietBackgroundSampler(TraceSampleRatio(builder.Configuration)))
                .AddProcessor(new QueryStringRedaction()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static double TraceSampleRatio(IConfiguration configuration)
    {
        var text = configuration["Telemetry:TraceSampleRatio"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1.0;
        }
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio)
               && ratio is >= 0.0 and <= 1.0
            ? ratio
            : throw new InvalidOperationException($"Telemetry:TraceSampleRatio '{text}' is not a number between 0 and 1.");
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(Dependencies.AdjustHealthChecks);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: ready unless the database is unreachable (a cache or broker outage only degrades it).
    /// <c>/alive</c>: the process answers.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(body));
    }

    /// <summary>
    /// Applies pending EF Core migrations (EF's migration lock makes concurrent starts safe) and then runs an
    /// optional idempotent seed, before the service takes traffic.
    /// </summary>
    public static async Task MigrateDbContextAsync<TContext>(this IHost app, Func<TContext, IServiceProvider, CancellationToken, Task>? seed = null,
        CancellationToken cancellationToken = default) where TContext : DbContext
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (seed is not null)
        {
            await seed(db, scope.ServiceProvider, cancellationToken);
        }
    }
}
