using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Hosting;

internal sealed class RedisRunner : IResourceRunner
{
    private readonly RedisServer _server;

    public RedisRunner(ResourceRuntime runtime, RedisResource resource, OrchestrationContext context)
    {
        Runtime = runtime;
        _ = ServerBinaries.RedisServer();
        var port = context.Port(resource.Name, resource.Name, resource.DefaultPort);
        var serverContext = new ServerContext(context.Owner, resource.Name, context.ResourceDirectory(resource.Name), Ephemeral: false,
            line => context.Console.Line(resource.Name, line));
        _server = new RedisServer(serverContext, port);
        runtime.ConnectionString = _server.ConnectionString;
        runtime.Url = $"redis://127.0.0.1:{port}";
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => true;

    public async Task StartAsync(CancellationToken ct)
    {
        Runtime.Set(ResourceStates.Starting);
        await _server.StartAsync(ct);
        Runtime.Set(ResourceStates.Healthy, _server.ProcessId);
        _ = _server.Exited.ContinueWith(
            t => { if (Runtime.State == ResourceStates.Healthy) { Runtime.Set(ResourceStates.Exited, detail: $"exit code {t.Result}"); } },
            TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        Runtime.Set(ResourceStates.Stopping);
        await _server.StopAsync();
        Runtime.Set(ResourceStates.Stopped);
    }
}
