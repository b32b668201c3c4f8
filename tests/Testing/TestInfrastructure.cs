using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Tinjau.Testing;

/// <summary>Which throw-away servers a test class needs.</summary>
public sealed record InfrastructureOptions
{
    public bool Postgres { get; init; } = true;

    public bool RabbitMq { get; init; } = true;

    public bool Redis { get; init; } = true;
}

/// <summary>
/// Throw-away PostgreSQL, RabbitMQ and Redis for a test class: the platform's own server resources, started by
/// Aspire.Hosting.Testing from the servers-only AppHost (free ports, data in a temporary folder, durability off).
/// Disposing stops them (DCP stops the process trees) and deletes the data.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<string, string> _databases = new(StringComparer.Ordinal);
    private readonly DistributedApplication _app;
    private readonly Dictionary<string, string> _connectionStrings;

    private TestInfrastructure(DistributedApplication app, Dictionary<string, string> connectionStrings)
    {
        _app = app;
        _connectionStrings = connectionStrings;
    }

    public string RabbitMqConnectionString => ConnectionString(ResourceNames.Messaging);

    public string RedisConnectionString => ConnectionString(ResourceNames.Cache);

    public static async Task<TestInfrastructure> StartAsync(InfrastructureOptions? options = null, CancellationToken ct = default)
    {
        options ??= new InfrastructureOptions();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Servers_AppHost>(
            [$"--Servers:Postgres={options.Postgres}", $"--Servers:RabbitMq={options.RabbitMq}", $"--Servers:Redis={options.Redis}"], ct);
        var app = await builder.BuildAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);
            var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, wanted) in new[] { (ResourceNames.Postgres, options.Postgres), (ResourceNames.Messaging, options.RabbitMq), (ResourceNames.Cache, options.Redis) })
            {
                if (!wanted)
                {
                    continue;
                }

                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
                connectionStrings[name] = await app.GetConnectionStringAsync(name, timeout.Token)
                    ?? throw new InvalidOperationException($"{name} has no connection string");
            }

            return new TestInfrastructure(app, connectionStrings);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database if missing and returns its Npgsql connection string.</summary>
    public string GetPostgresConnectionString(string database) =>
        _databases.GetOrAdd(database, name =>
        {
            var server = new NpgsqlConnectionStringBuilder(ConnectionString(ResourceNames.Postgres)) { Database = "postgres" };
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            try
            {
                command.ExecuteNonQuery();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // created by another fixture of the same run
            }

            return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        });

    /// <summary>Stops the RabbitMQ node (Aspire's stop command); data and port are kept for <see cref="StartRabbitMqAsync"/>.</summary>
    public Task StopRabbitMqAsync() => StopServerAsync(ResourceNames.Messaging);

    /// <summary>Starts the node again on the same port with the same data, and waits until it is healthy.</summary>
    public Task StartRabbitMqAsync() => StartServerAsync(ResourceNames.Messaging);

    /// <summary>Stops a server (Aspire's stop command); data and port are kept for <see cref="StartServerAsync"/>.</summary>
    public async Task StopServerAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StopCommand);
        await _app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates);
    }

    /// <summary>Starts a stopped server again on the same port with the same data, and waits until it is healthy.</summary>
    public async Task StartServerAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StartCommand);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource);
    }

    /// <summary>Kills a server with SIGKILL, as a crash would; returns the process id it had.</summary>
    public int Kill(string resource)
    {
        var pid = Pid(resource) ?? throw new InvalidOperationException($"{resource} has no process id.");
        System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
        return pid;
    }

    /// <summary>Waits until the server runs again, healthy, as another process than <paramref name="formerPid"/>.</summary>
    public Task WaitUntilRestartedAsync(string resource, int formerPid, CancellationToken ct) =>
        _app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                 && PidOf(e.Snapshot) is { } pid && pid != formerPid, ct);

    private int? Pid(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var e) ? PidOf(e.Snapshot) : null;

    /// <summary>The process id Aspire shows for an executable resource.</summary>
    public static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task RunCommandAsync(string resource, string command)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(resource, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    private string ConnectionString(string name) =>
        _connectionStrings.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"{name} was not started: enable it in {nameof(InfrastructureOptions)}.");
}
