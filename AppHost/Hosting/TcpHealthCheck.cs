using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tinjau.Hosting;

/// <summary>Healthy once something accepts connections on the loopback port (epmd has no protocol worth more).</summary>
internal sealed class TcpHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"nothing listens on 127.0.0.1:{port}", ex);
        }
    }
}
