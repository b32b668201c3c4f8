using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How a service reaches what it depends on, so that an outage costs a short wait and then a 503 with
/// <c>Retry-After</c> (ProblemExceptionHandler), never half a minute and a 500:
/// <list type="bullet">
/// <item>its database: connect within 3 s, two quick retries of a transient failure (not Aspire's six over ~27 s);</item>
/// <item>the cache (<see cref="ServiceCache"/>): a command fails at once while Redis is unreachable (no backlog) and
/// the database answers; every entry is invalidated when the connection comes back, since what changed meanwhile
/// could not invalidate it;</item>
/// <item>another service: <see cref="WithTimeouts"/> on its typed client.</item>
/// </list>
/// </summary>
public static class Dependencies
{
    /// <summary>
    /// What every domain service stands on: bearer tokens for its <paramref name="audience"/>, its PostgreSQL
    /// database, and its Redis cache with keys under <c>{audience}:</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServicePlatform<TContext>(this IHostApplicationBuilder builder, string audience, string database,
        Action<DbContextOptionsBuilder>? configureDbContextOptions = null) where TContext : DbContext
    {
        builder.AddTinjauAuthentication(audience);
        builder.AddServiceDatabase<TContext>(database, configureDbContextOptions);
        builder.AddServiceCache(keyPrefix: audience + ":");
        return builder;
    }

    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string name,
        Action<DbContextOptionsBuilder>? configureDbContextOptions = null) where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(name,
            settings =>
            {
                settings.DisableRetry = true;
                if (settings.ConnectionString is { } connectionString)
                {
                    settings.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3 }.ConnectionString;
                }
            },
            options =>
            {
                options.UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(2, TimeSpan.FromMilliseconds(500), null));
                configureDbContextOptions?.Invoke(options);
            });
        return builder;
    }

    /// <summary>
    /// The service's <see cref="ServiceCache"/>: HybridCache over Aspire's Redis client, whose commands fail at once while
    /// Redis is unreachable (no backlog, 1 s timeouts).
    /// </summary>
    /// <param name="keyPrefix">The prefix of every key this service writes in Redis (<c>unitregistry:</c>).</param>
    public static IHostApplicationBuilder AddServiceCache(this IHostApplicationBuilder builder, string keyPrefix)
    {
        builder.AddRedisClient(ResourceNames.Cache, configureOptions: options =>
        {
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 1000;
            options.SyncTimeout = 1000;
        });
        builder.Services.AddStackExchangeRedisCache(options => options.InstanceName = keyPrefix);
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        builder.Services.AddHybridCache(options => options.MaximumPayloadBytes = 16 * 1024 * 1024)
            .AddSerializerFactory(new ServiceCache.WebJson());
        builder.Services.AddSingleton(sp => new ServiceCache(sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix, sp.GetRequiredService<ILogger<ServiceCache>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceCache>());
        return builder;
    }

    /// <summary>
    /// Replaces the default resilience handler of a typed client with one whose timeouts apply: a caller waits at most
    /// <paramref name="total"/> for another service, then gets a 503.
    /// </summary>
    public static IHttpClientBuilder WithTimeouts(this IHttpClientBuilder client, TimeSpan attempt, TimeSpan total, int retries = 1)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = attempt;
            o.TotalRequestTimeout.Timeout = total;
            o.Retry.MaxRetryAttempts = retries;
            o.Retry.Delay = TimeSpan.FromMilliseconds(200);
            // A 503's Retry-After is for the end client; a caller inside a request does not sit it out.
            o.Retry.ShouldRetryAfterHeader = false;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(attempt.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        });
        return client;
    }

    /// <summary>
    /// Readiness counts only what a service cannot work without: a cache or broker that is down makes it Degraded
    /// (still 200, still in service: reads go to the database and the outbox keeps the events), its database
    /// Unhealthy (503). No check may hold a probe for more than 2 s.
    /// </summary>
    internal static void AdjustHealthChecks(HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations)
        {
            registration.Timeout = TimeSpan.FromSeconds(2);
            if (registration.Name.Contains("redis", StringComparison.OrdinalIgnoreCase)
                || registration.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase))
            {
                registration.FailureStatus = HealthStatus.Degraded;
            }
        }
    }
}
