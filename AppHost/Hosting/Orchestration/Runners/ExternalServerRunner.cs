namespace Tinjau.AppHost.Hosting;

/// <summary>An existing server given as ConnectionStrings:{name}: nothing is launched.</summary>
internal sealed class ExternalServerRunner : IResourceRunner
{
    public ExternalServerRunner(ResourceRuntime runtime, string connectionString)
    {
        Runtime = runtime;
        runtime.ConnectionString = connectionString;
        runtime.Url = "(existing server)";
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => true;

    public Task StartAsync(CancellationToken ct)
    {
        Runtime.Set(ResourceStates.External, detail: "ConnectionStrings:" + Runtime.Resource.Name);
        return Task.CompletedTask;
    }

    public Task StopAsync() => Task.CompletedTask;
}
