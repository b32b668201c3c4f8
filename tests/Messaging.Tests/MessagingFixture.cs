using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tinjau.Messaging.Tests;

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "messaging";
}

/// <summary>
/// Real PostgreSQL and RabbitMQ from the AppHost's launcher, and one generic host wired exactly like a service:
/// <c>AddNpgsqlDbContext</c> + <c>AddMessaging</c> with two consumers.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public const string ServiceName = "messaging-tests";

    private readonly ActivityListener _listener;
    private TestInfrastructure? _infra;

    public MessagingFixture()
    {
        // Like an OpenTelemetry exporter would: sample MassTransit's and our sources so activities exist.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit" || source.Name.StartsWith("Tinjau.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => StoppedActivities.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> StoppedActivities { get; } = new();

    public TestInfrastructure Infra => _infra ?? throw new InvalidOperationException("not started");

    public IHost Host { get; private set; } = null!;

    public MessageLog Log => Host.Services.GetRequiredService<MessageLog>();

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = true, Redis = false });

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Tinjau.MessagingTests.Api",
            EnvironmentName = "Development",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messagingtestsdb"] = _infra.GetPostgresConnectionString("messagingtestsdb"),
            ["ConnectionStrings:messaging"] = _infra.RabbitMqConnectionString,
            ["OTEL_SERVICE_NAME"] = ServiceName,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.Logging.ClearProviders().AddSimpleConsole();

        builder.AddNpgsqlDbContext<TestDbContext>("messagingtestsdb");
        builder.AddMessaging<TestDbContext>(bus =>
        {
            bus.AddConsumer<ThingRegisteredConsumer>();
            bus.AddConsumer<CounterBumpedConsumer>();
        });
        builder.Services.AddSingleton<MessageLog>();
        // Tests publish right after start: wait until the queues are bound.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);

        Host = builder.Build();
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }
        await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Host is not null)
            {
                await Host.StopAsync();
                Host.Dispose();
            }
        }
        finally
        {
            if (_infra is not null)
            {
                await _infra.DisposeAsync();
            }
            _listener.Dispose();
        }
    }

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task WithDbAsync(Func<TestDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });
}
