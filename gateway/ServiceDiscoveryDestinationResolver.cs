using System.Net;
using Microsoft.Extensions.ServiceDiscovery;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Tinjau.Gateway;

/// <summary>
/// Resolves YARP destinations written as logical service names (<c>http://unitregistry</c>) through
/// Microsoft.Extensions.ServiceDiscovery, i.e. from <c>services:&lt;name&gt;:http:0</c> as the AppHost (or
/// Aspire) provides it. The change token makes YARP resolve again when the endpoints change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var baseUri = endpoint.EndPoint switch
                {
                    UriEndPoint uri => uri.Uri,
                    IPEndPoint ip => new Uri($"{address.Scheme}://{ip}"),
                    DnsEndPoint dns => new Uri($"{address.Scheme}://{dns.Host}:{dns.Port}"),
                    _ => new Uri($"{address.Scheme}://{endpoint.EndPoint}"),
                };
                var target = new UriBuilder(baseUri) { Path = address.AbsolutePath }.Uri.ToString();
                resolved[$"{name}[{index++}]"] = destination with { Address = target, Host = destination.Host ?? address.Authority };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}

internal static class ServiceDiscoveryDestinationResolverExtensions
{
    public static IReverseProxyBuilder AddServiceDiscoveryDestinationResolver(this IReverseProxyBuilder builder)
    {
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        return builder;
    }
}
