using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Tinjau.Hosting;

namespace Tinjau.Servers.AppHost;

/// <summary>
/// Starts the servers only. Which ones: <c>--Servers:Postgres=false</c>, <c>--Servers:RabbitMq=false</c>,
/// <c>--Servers:Redis=false</c> (all three by default). A class of its own, not top-level statements, so that test
/// projects referencing a service's <c>Program</c> see only that one.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        var servers = builder.Configuration.GetSection("Servers");

        if (servers.GetValue("Postgres", true))
        {
            builder.AddLocalPostgres(ResourceNames.Postgres);
        }

        if (servers.GetValue("RabbitMq", true))
        {
            builder.AddLocalRabbitMQ(ResourceNames.Messaging);
        }

        if (servers.GetValue("Redis", true))
        {
            builder.AddLocalRedis(ResourceNames.Cache);
        }

        builder.Build().Run();
    }
}
