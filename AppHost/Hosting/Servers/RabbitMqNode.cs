using System.Security.Cryptography;
using Tinjau.AppHost.Hosting.Processes;

namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>
/// One RabbitMQ node run as a plain process with its own node name, epmd port and dist port,
/// so several nodes (several test processes) can run side by side.
/// </summary>
public sealed class RabbitMqNode(ServerContext context, string nodeName, int amqpPort, int distPort, int epmdPort)
{
    private ChildProcess? _process;

    public int AmqpPort => amqpPort;

    public int DistPort => distPort;

    public int EpmdPort => epmdPort;

    public string NodeName => nodeName.Contains('@', StringComparison.Ordinal) ? nodeName : $"{nodeName}@localhost";

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{amqpPort}";

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Completes when the node's process exits.</summary>
    public Task<int> Exited => _process?.Exited ?? Task.FromResult(0);

    public async Task StartAsync(CancellationToken ct = default)
    {
        ServerBinaries.EnsureRabbitMq();
        Prepare();
        var logFile = Path.Combine(context.Directory, "server.out");
        var writer = new ServerLogFile(logFile);
        _process = ChildProcess.Start(ServerBinaries.RabbitMqServer, [], Environment(), context.Directory, line =>
        {
            writer.WriteLine(line);
            context.Log?.Invoke(line);
        });
        _ = _process.Exited.ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);

        try
        {
            await WaitReadyAsync(ct);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>rabbitmqctl shutdown, then the epmd the node spawned (it outlives the node).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await Ctl(["shutdown"], TimeSpan.FromSeconds(30), CancellationToken.None);
            if (await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(15))) != process.Exited)
            {
                process.KillTree();
            }
        }

        // epmd, and anything else of this node still alive.
        ProcessOwnership.KillResource(context.Owner, context.Resource);
        await ProcessOwnership.WaitGoneAsync(() => ProcessOwnership.FindResource(context.Owner, context.Resource), TimeSpan.FromSeconds(10));
        _process?.Dispose();
        _process = null;
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await PortAllocator.IsOpenAsync(amqpPort, ct))
        {
            ThrowIfGone(deadline);
            await Task.Delay(100, ct);
        }

        while (true)
        {
            var result = await Ctl(["await_startup"], TimeSpan.FromSeconds(30), ct);
            if (result.Succeeded)
            {
                return;
            }

            ThrowIfGone(deadline);
            await Task.Delay(200, ct);
        }
    }

    private void ThrowIfGone(DateTime deadline)
    {
        if (_process is null || _process.HasExited)
        {
            throw new InvalidOperationException($"RabbitMQ node {NodeName} exited during start-up:\n{_process?.Tail}");
        }

        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"RabbitMQ node {NodeName} did not start within 90 s:\n{_process.Tail}");
        }
    }

    private Task<CommandResult> Ctl(string[] arguments, TimeSpan timeout, CancellationToken ct) =>
        CommandRunner.RunAsync(ServerBinaries.RabbitMqCtl, ["-n", NodeName, .. arguments], Environment(), timeout, ct);

    private void Prepare()
    {
        var home = Path.Combine(context.Directory, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(context.Directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(context.Directory, "log"));
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            File.WriteAllText(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));
            UnixFiles.SetMode(cookie, UnixFileMode.UserRead);
        }

        File.WriteAllText(Path.Combine(context.Directory, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{amqpPort}\nloopback_users.guest = true\n");
        File.WriteAllText(Path.Combine(context.Directory, "enabled_plugins"), "[].\n");
    }

    private Dictionary<string, string> Environment()
    {
        var dir = context.Directory;
        var env = new Dictionary<string, string>(context.MarkerEnvironment)
        {
            ["HOME"] = Path.Combine(dir, "home"),
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(dir, "rabbit.pid"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["ERL_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return env;
    }
}
