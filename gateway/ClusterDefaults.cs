using System.Globalization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Tinjau.Gateway;

/// <summary>
/// What every cluster gets, in one place rather than six copies in appsettings.json: the gateway probes each
/// service's <c>/alive</c> every 5 s, so a service that is down is known within seconds and answered at once with a
/// 503 and <c>Retry-After</c> (<see cref="UseUnavailableProblems"/>) instead of a request that hangs; a response that
/// stalls for 30 s is cut off.
/// </summary>
internal sealed class ClusterDefaults : IProxyConfigFilter
{
    public const int RetryAfterSeconds = 5;

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster with
        {
            HealthCheck = cluster.HealthCheck ?? new HealthCheckConfig
            {
                // A destination the probe found down takes no requests, even when it is the only one.
                AvailableDestinationsPolicy = "HealthyAndUnknown",
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(5),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures",
                    Path = "/alive",
                },
            },
            HttpRequest = cluster.HttpRequest ?? new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
        });

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => ValueTask.FromResult(route);

    /// <summary>A service that is down or cannot be reached: an RFC 9457 503 with Retry-After, never an empty 502.</summary>
    public static void UseUnavailableProblems(IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(WriteUnavailableAsync);
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
    }

    private static async Task WriteUnavailableAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } error
            || error.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient)
        {
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: "The service for this request cannot be reached just now; try again shortly.",
                type: "https://tools.ietf.org/html/rfc9110#section-15.6.4")
            .ExecuteAsync(context);
    }
}
