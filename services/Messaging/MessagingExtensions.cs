using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tinjau.Messaging.Outbox;

namespace Tinjau.Messaging;

public static partial class MessagingExtensions
{
    /// <summary>Intervals of the in-memory retry before a message goes to the endpoint's <c>_error</c> queue.</summary>
    internal static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>
    /// Sets up messaging for a service whose state lives in <typeparamref name="TDbContext"/>:
    /// <list type="bullet">
    /// <item>MassTransit over RabbitMQ at <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (<c>amqp://user:pass@host:port[/vhost]</c>);</item>
    /// <item>receive endpoints named in kebab case and prefixed with the service name
    /// (<c>complaints-unit-registered</c>), so two services consuming one event get a queue each;</item>
    /// <item>in-memory retry (200 ms, 1 s, 3 s), then the <c>_error</c> queue (no delayed redelivery);</item>
    /// <item>consumers back within seconds of a broker's return (<see cref="BrokerReconnect"/>);</item>
    /// <item>the bus health check, tagged <c>ready</c> (reported Degraded, not Unhealthy, while the broker is down:
    /// writes keep working through the outbox);</item>
    /// <item>the outbox: a SaveChanges/transaction interceptor on <typeparamref name="TDbContext"/> that wakes the
    /// dispatcher after a commit that wrote outbox rows, and the dispatcher itself.</item>
    /// </list>
    /// <typeparamref name="TDbContext"/> must be registered (e.g. <c>AddNpgsqlDbContext</c>) and call
    /// <c>modelBuilder.AddMessagingTables()</c>. One bus per service: call this once.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null, string connectionName = "messaging")
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is missing. Start the service through the AppHost or set ConnectionStrings__{connectionName}.");
        var broker = BrokerAddress.Parse(connectionString, connectionName);
        var prefix = EndpointPrefix(builder);

        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal<TDbContext>>();
        services.AddSingleton<OutboxInterceptor<TDbContext>>();
        services.ConfigureDbContext<TDbContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<OutboxInterceptor<TDbContext>>()));

        services.AddHealthChecks();
        services.AddMassTransit(bus =>
        {
            // On by default, MassTransit posts usage reports to its vendor: no service of the city's sends data to a
            // third party (and with no route out, every attempt failed and threw, over and over, in every process).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix + "-", false));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "masstransit";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add("ready");
            });

            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, prefix, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                if (!BrokerReconnect.Apply(cfg))
                {
                    context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerReconnect))
                        .LogWarning("The broker reconnect policy could not be set; consumers reconnect on MassTransit's default schedule (up to 30 s).");
                }
                cfg.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
                cfg.ConfigureEndpoints(context);
            });
        });

        // Registered after the bus: hosted services start in order and stop in reverse, so the dispatcher stops
        // publishing before the bus stops.
        services.AddHostedService<OutboxDispatcher<TDbContext>>();

        // Do not hold up start-up while the broker is down: the outbox keeps writes durable meanwhile.
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }

    /// <summary>
    /// The service's name for queue prefixes: <c>Messaging:EndpointPrefix</c> if set, else <c>OTEL_SERVICE_NAME</c>,
    /// else the application name; lower-cased, a leading <c>Tinjau.</c> and a trailing <c>.Api</c> dropped, other
    /// characters than letters and digits turned into dashes. <c>Tinjau.UnitRegistry.Api</c> and
    /// <c>unitregistry</c> both give <c>unitregistry</c>, so a service keeps its queues however it is started.
    /// </summary>
    internal static string EndpointPrefix(IHostApplicationBuilder builder)
    {
        var raw = builder.Configuration["Messaging:EndpointPrefix"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            raw = builder.Configuration["OTEL_SERVICE_NAME"];
        }
        if (string.IsNullOrWhiteSpace(raw))
        {
            raw = builder.Environment.ApplicationName;
        }
        return SimplifyServiceName(raw);
    }

    internal static string SimplifyServiceName(string name)
    {
        var s = name.Trim().ToLowerInvariant();
        if (s.StartsWith("tinjau.", StringComparison.Ordinal))
        {
            s = s["tinjau.".Length..];
        }
        if (s.EndsWith(".api", StringComparison.Ordinal))
        {
            s = s[..^".api".Length];
        }
        s = NonAlphanumeric().Replace(s, "-").Trim('-');
        return s.Length > 0 ? s : throw new InvalidOperationException($"'{name}' does not give a usable endpoint prefix; set Messaging:EndpointPrefix.");
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    private sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
    {
        public static BrokerAddress Parse(string connectionString, string connectionName)
        {
            if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
            {
                throw new InvalidOperationException($"ConnectionStrings:{connectionName} must be an amqp://user:pass@host:port URI.");
            }
            var user = "guest";
            var password = "guest";
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                user = Uri.UnescapeDataString(parts[0]);
                password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }
            var vhost = uri.AbsolutePath.Trim('/');
            return new BrokerAddress(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
                vhost.Length == 0 ? "/" : Uri.UnescapeDataString(vhost), user, password);
        }
    }
}
