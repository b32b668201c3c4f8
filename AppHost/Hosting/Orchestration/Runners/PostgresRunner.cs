using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Hosting;

internal sealed class PostgresRunner : IResourceRunner
{
    private readonly PostgresServer _server;
    private readonly LogTail _log;

    public PostgresRunner(ResourceRuntime runtime, PostgresServerResource resource, OrchestrationContext context)
    {
        Runtime = runtime;
        _ = ServerBinaries.PostgresBinDirectory();
        var port = context.Port(resource.Name, resource.Name, resource.DefaultPort);
        var password = context.Configuration[$"Parameters:{resource.Name}-password"];
        var serverContext = new ServerContext(context.Owner, resource.Name, context.ResourceDirectory(resource.Name), Ephemeral: false);
        _server = new PostgresServer(serverContext, port, string.IsNullOrEmpty(password) ? null : password);
        _server.ResolvePassword();
        runtime.ConnectionString = _server.ServerConnectionString;
        runtime.Url = $"postgres://127.0.0.1:{port}";
        _log = new LogTail(_server.LogFile, line => context.Console.Line(resource.Name, line));
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => true;

    public async Task StartAsync(CancellationToken ct)
    {
        Runtime.Set(ResourceStates.Starting);
        _log.Start();
        await _server.StartAsync(ct);
        Runtime.Set(ResourceStates.Healthy, ReadPid());
    }

    public async Task StopAsync()
    {
        Runtime.Set(ResourceStates.Stopping);
        await _server.StopAsync();
        await _log.StopAsync();
        Runtime.Set(ResourceStates.Stopped);
    }

    private int? ReadPid()
    {
        var file = Path.Combine(Path.GetDirectoryName(_server.LogFile)!, "data", "postmaster.pid");
        try
        {
            return int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
