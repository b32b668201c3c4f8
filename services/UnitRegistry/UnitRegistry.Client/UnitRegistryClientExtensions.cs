using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.UnitRegistry.Client;

namespace Microsoft.Extensions.Hosting;

public static class UnitRegistryClientExtensions
{
    /// <summary>
    /// Registers <see cref="IUnitRegistryClient"/>: the typed client at <c>http://unitregistry</c> (service discovery) with
    /// short timeouts (2 s an attempt, 5 s in all, one retry: callers degrade rather than wait), a client-credentials
    /// token for <paramref name="scope"/> when <c>Identity:Clients:&lt;clientId&gt;:Secret</c> is configured, and its
    /// answers kept in <see cref="HybridCache"/> (in-process unless the service registers a distributed cache).
    /// </summary>
    /// <param name="clientId">This service's client at the Identity service, or null to call without a token.</param>
    /// <param name="configure">How long answers are kept (<see cref="UnitRegistryClientOptions"/>).</param>
    public static IHttpClientBuilder AddUnitRegistryClient(this IHostApplicationBuilder builder, string? clientId, string scope = "unitregistry",
        Action<UnitRegistryClientOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<UnitRegistryClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        if (!builder.Services.Any(d => d.ServiceType == typeof(HybridCache)))
        {
            builder.Services.AddHybridCache();
        }
        var client = builder.Services.AddHttpClient<IUnitRegistryClient, HttpUnitRegistryClient>(c => c.BaseAddress = new Uri(HttpUnitRegistryClient.BaseAddress))
            .WithTimeouts(attempt: TimeSpan.FromSeconds(2), total: TimeSpan.FromSeconds(5));
        if (clientId is not null && !string.IsNullOrWhiteSpace(builder.Configuration[$"Identity:Clients:{clientId}:Secret"]))
        {
            client.AddClientCredentialsTokenHandler(clientId, scope);
        }
        return client;
    }
}
