using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Tinjau.Hosting;

/// <summary>A Redis server run by DCP from the OS packages; <c>host:port,password=…</c> as Aspire's own gives.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, password)
{
    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Host}:{Port},password={PasswordParameter}");
}

public static class RedisBuilderExtensions
{
    public const int DefaultPort = 16379;
    public const string PublishImageTag = "8.2";

    /// <summary>Redis: Aspire's own when publishing; the given <c>ConnectionStrings:&lt;name&gt;</c>; else a local server.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddTinjauRedis(this IDistributedApplicationBuilder builder, string name) =>
        ServerChoice.For(builder, name,
            published: () => builder.AddRedis(name).WithImageTag(PublishImageTag).WithDataVolume(),
            local: () => builder.AddLocalRedis(name));

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var server = LocalServer.For(builder, name, DefaultPort);
        var (options, directory, port, secret, password) = server;
        var configuration = Path.Combine(directory, "redis.conf");

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{port},password={secret},abortConnect=false", name: healthCheck);

        return server.Add(builder, new LocalRedisResource(name, ServerBinaries.Redis(), directory, password.Resource), "Memory", healthCheck)
            .WithArgs(configuration)
            .OnBeforeResourceStarted(async (_, _, ct) =>
            {
                // The password goes in a file only the owner reads, not on the command line the dashboard shows.
                var durability = options.Ephemeral ? "save \"\"\nappendonly no\n" : "appendonly yes\n";
                await File.WriteAllTextAsync(configuration,
                    $"port {port.ToString(CultureInfo.InvariantCulture)}\nbind 127.0.0.1\ndir {directory}\ndaemonize no\nlogfile \"\"\n" +
                    $"requirepass {secret}\n{durability}", ct);
                KeptSecret.OwnerOnly(configuration);
            });
    }
}
