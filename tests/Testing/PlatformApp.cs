using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;

namespace Tinjau.Testing;

/// <summary>
/// Starts the platform's real AppHost with Aspire.Hosting.Testing (DCP, every server and service, the real dashboard on
/// free ports, random service ports, throw-away data unless a state folder is given) and waits until the gateway, which
/// waits for everything else, is healthy. Callers pass <c>typeof(Projects.AppHost)</c>.
/// </summary>
public static class PlatformApp
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static async Task<DistributedApplication> StartAsync(Type appHost, string? stateDirectory = null,
        Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        string[] args =
        [
            // The dashboard on free ports, so a platform already running on this machine is not disturbed.
            $"--ASPNETCORE_URLS=http://localhost:{FreePort()}",
            $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{FreePort()}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{FreePort()}",
            "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            "--DOTNET_ENVIRONMENT=Development",
            .. stateDirectory is null ? [] : new[] { $"--Tinjau:StateDirectory={stateDirectory}" },
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(appHost, args, (options, _) => options.DisableDashboard = false);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
