using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Tinjau.Hosting;

/// <summary>A RabbitMQ node run by DCP from the OS packages; <c>amqp://</c> connection string as Aspire's own gives.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, password)
{
    public const string UserName = "tinjau";

    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://{UserName}:{PasswordParameter}@{Host}:{Port}");
}

public static class RabbitMqBuilderExtensions
{
    public const int DefaultPort = 15672;
    public const int DefaultDistributionPort = 15673;
    public const int DefaultEpmdPort = 14369;
    public const string PublishImageTag = "4.1";

    /// <summary>RabbitMQ: Aspire's own when publishing; the given <c>ConnectionStrings:&lt;name&gt;</c>; else a local node.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddTinjauRabbitMQ(this IDistributedApplicationBuilder builder, string name) =>
        ServerChoice.For(builder, name,
            published: () => builder.AddRabbitMQ(name).WithImageTag(PublishImageTag).WithDataVolume(),
            local: () => builder.AddLocalRabbitMQ(name));

    /// <summary>
    /// The node and its own epmd, both without DCP's proxy (Erlang distribution fails behind it); epmd is a resource
    /// of its own so that nothing outlives the AppHost (<c>epmd -daemon</c> would).
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var server = LocalServer.For(builder, name, DefaultPort);
        var (options, directory, port, secret, password) = server;
        var distributionPort = options.Port($"{name}-dist", DefaultDistributionPort);
        var epmdPort = options.Port($"{name}-epmd", DefaultEpmdPort);
        var nodeName = $"tinjau-{name}-{port}@localhost";
        var environment = NodeEnvironment(directory, nodeName, port, distributionPort, epmdPort);

        var epmdCheck = $"{name}-epmd_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(epmdCheck, _ => new TcpHealthCheck(epmdPort), null, null));
        var epmd = builder.AddExecutable($"{name}-epmd", ServerBinaries.Epmd(), directory,
                "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithIconName("PlugConnected")
            .WithHealthCheck(epmdCheck)
            .RestartWhenCrashed();

        var amqp = new Uri($"amqp://{LocalRabbitMqResource.UserName}:{secret}@127.0.0.1:{port}");
        IConnection? connection = null;
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ => connection ??= await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync(), healthCheck);

        var node = server.Add(builder, new LocalRabbitMqResource(name, ServerBinaries.RabbitMq(), directory, password.Resource), "Mailbox", healthCheck)
            .WithParentRelationship(epmd)
            .WaitFor(epmd)
            .OnBeforeResourceStarted((_, _, ct) => WriteConfigurationAsync(directory, port, secret, ct));
        foreach (var (key, value) in environment)
        {
            node.WithEnvironment(key, value);
        }

        epmd.WithEnvironment("HOME", environment["HOME"]);
        return node;
    }

    private static Dictionary<string, string> NodeEnvironment(string dir, string nodeName, int port, int distributionPort, int epmdPort) => new()
    {
        ["HOME"] = Path.Combine(dir, "home"),
        ["RABBITMQ_NODENAME"] = nodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(dir, "rabbit.pid"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false",
        ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };

    private static async Task WriteConfigurationAsync(string dir, int port, string password, CancellationToken ct)
    {
        var home = Path.Combine(dir, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, KeptSecret.New().ToUpperInvariant(), ct);
            KeptSecret.OwnerOnly(cookie, writable: false);
        }

        // default_user applies when the node's database is first created; the password is kept in the state folder.
        var configuration = Path.Combine(dir, "rabbitmq.conf");
        await File.WriteAllTextAsync(configuration,
            $"listeners.tcp.default = 127.0.0.1:{port}\ndefault_user = {LocalRabbitMqResource.UserName}\ndefault_pass = {password}\n" +
            "loopback_users = none\n", ct);
        KeptSecret.OwnerOnly(configuration);
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[].\n", ct);
    }
}
