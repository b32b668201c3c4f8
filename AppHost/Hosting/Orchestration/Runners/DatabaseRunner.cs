using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Hosting;

/// <summary>CREATE DATABASE on its server (local or existing) once the server is up.</summary>
internal sealed class DatabaseRunner : IResourceRunner
{
    private readonly PostgresDatabaseResource _database;
    private readonly ResourceRuntime _server;
    private readonly bool _given;

    public DatabaseRunner(ResourceRuntime runtime, PostgresDatabaseResource database, ResourceRuntime server, OrchestrationContext context)
    {
        Runtime = runtime;
        _database = database;
        _server = server;
        var given = context.GivenConnectionString(database.Name);
        _given = given is not null;
        runtime.ConnectionString = given ?? PostgresDatabases.ForDatabase(
            server.ConnectionString ?? throw new InvalidOperationException($"Server of {database.Name} has no connection string."), database.DatabaseName);
        runtime.Url = given is null ? $"{server.Url}/{database.DatabaseName}" : "(existing database)";
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => true;

    public async Task StartAsync(CancellationToken ct)
    {
        if (_given)
        {
            Runtime.Set(ResourceStates.External, detail: "ConnectionStrings:" + _database.Name);
            return;
        }

        Runtime.Set(ResourceStates.Starting);
        await PostgresDatabases.EnsureAsync(_server.ConnectionString!, _database.DatabaseName, ct);
        Runtime.Set(ResourceStates.Healthy);
    }

    public Task StopAsync()
    {
        if (!_given)
        {
            Runtime.Set(ResourceStates.Stopped);
        }

        return Task.CompletedTask;
    }
}
