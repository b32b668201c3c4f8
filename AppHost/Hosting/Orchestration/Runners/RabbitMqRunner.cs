using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Hosting;

internal sealed class RabbitMqRunner : IResourceRunner
{
    private readonly RabbitMqNode _node;

    public RabbitMqRunner(ResourceRuntime runtime, RabbitMqServerResource resource, OrchestrationContext context)
    {
        Runtime = runtime;
        ServerBinaries.EnsureRabbitMq();
        var amqp = context.Port(resource.Name, resource.Name, resource.DefaultPort);
        var dist = context.Port(resource.Name, $"{resource.Name}-dist", resource.DefaultDistPort);
        var epmd = context.Port(resource.Name, $"{resource.Name}-epmd", resource.DefaultEpmdPort);
        var serverContext = new ServerContext(context.Owner, resource.Name, context.ResourceDirectory(resource.Name), Ephemeral: false,
            line => context.Console.Line(resource.Name, line));
        _node = new RabbitMqNode(serverContext, $"tinjau-{resource.Name}", amqp, dist, epmd);
        runtime.ConnectionString = _node.ConnectionString;
        runtime.Url = $"amqp://127.0.0.1:{amqp}";
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => true;

    public async Task StartAsync(CancellationToken ct)
    {
        Runtime.Set(ResourceStates.Starting);
        await _node.StartAsync(ct);
        Runtime.Set(ResourceStates.Healthy, _node.ProcessId);
        _ = _node.Exited.ContinueWith(
            t => { if (Runtime.State == ResourceStates.Healthy) { Runtime.Set(ResourceStates.Exited, detail: $"exit code {t.Result}"); } },
            TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        Runtime.Set(ResourceStates.Stopping);
        await _node.StopAsync();
        Runtime.Set(ResourceStates.Stopped);
    }
}
