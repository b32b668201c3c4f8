using System.Collections.Concurrent;
using Tinjau.AppHost.Hosting.Processes;
using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Hosting;

/// <summary>
/// Throw-away PostgreSQL, RabbitMQ and Redis for tests: free ports, data in a fresh
/// <c>/tmp/tinjau-test-*</c> directory, durability off, started in parallel.
/// Everything is stopped and deleted on dispose; a watchdog cleans up if the test host dies.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _databases = new(StringComparer.Ordinal);
    private readonly Watchdog _watchdog;
    private PostgresServer? _postgres;
    private RabbitMqNode? _rabbitMq;
    private RedisServer? _redis;
    private int _disposed;

    private TestInfrastructure(string directory, string owner)
    {
        Directory = directory;
        Owner = owner;
        _watchdog = Watchdog.Start(owner, directory, directory);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The temp directory holding all data and logs.</summary>
    public string Directory { get; }

    /// <summary>The marker every server process of this instance carries (see <see cref="GetProcessIds"/>).</summary>
    public string Owner { get; }

    public string RabbitMqConnectionString => RabbitMq.ConnectionString;

    public string RedisConnectionString => Redis.ConnectionString;

    public int PostgresPort => Postgres.Port;

    public int RabbitMqPort => RabbitMq.AmqpPort;

    public int RedisPort => Redis.Port;

    /// <summary>RabbitMQ node name, for rabbitmqctl.</summary>
    public string RabbitMqNodeName => RabbitMq.NodeName;

    private PostgresServer Postgres => _postgres ?? throw NotStarted("PostgreSQL");

    private RabbitMqNode RabbitMq => _rabbitMq ?? throw NotStarted("RabbitMQ");

    private RedisServer Redis => _redis ?? throw NotStarted("Redis");

    public static async Task<TestInfrastructure> StartAsync(InfrastructureOptions? options = null, CancellationToken ct = default)
    {
        options ??= new InfrastructureOptions();
        ServerBinaries.EnsureInstalled(options.Postgres, options.RabbitMq, options.Redis);

        var id = Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine("/tmp", $"tinjau-test-{id}");
        System.IO.Directory.CreateDirectory(directory);
        UnixFiles.SetMode(directory, (UnixFileMode)0b111_101_101);
        var infrastructure = new TestInfrastructure(directory, $"test-{id}");
        try
        {
            var starts = new List<Task>();
            if (options.Postgres)
            {
                infrastructure._postgres = new PostgresServer(infrastructure.Context("postgres"), PortAllocator.GetFreePort());
                starts.Add(infrastructure._postgres.StartAsync(ct));
            }

            if (options.RabbitMq)
            {
                infrastructure._rabbitMq = new RabbitMqNode(infrastructure.Context("rabbitmq"), $"tinjau-{id}",
                    PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
                starts.Add(infrastructure._rabbitMq.StartAsync(ct));
            }

            if (options.Redis)
            {
                infrastructure._redis = new RedisServer(infrastructure.Context("redis"), PortAllocator.GetFreePort());
                starts.Add(infrastructure._redis.StartAsync(ct));
            }

            await Task.WhenAll(starts);
            return infrastructure;
        }
        catch
        {
            await infrastructure.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database if missing and returns its Npgsql connection string.</summary>
    public string GetPostgresConnectionString(string database) =>
        _databases.GetOrAdd(database, name =>
        {
            Postgres.EnsureDatabaseAsync(name).GetAwaiter().GetResult();
            return Postgres.ConnectionString(name);
        });

    /// <summary>Stops the RabbitMQ node (and its epmd); data and ports are kept for <see cref="StartRabbitMqAsync"/>.</summary>
    public Task StopRabbitMqAsync() => RabbitMq.StopAsync();

    /// <summary>Starts the node again on the same ports with the same data.</summary>
    public Task StartRabbitMqAsync() => RabbitMq.StartAsync();

    /// <summary>Live processes started by this instance (servers, epmd).</summary>
    public IReadOnlyList<int> GetProcessIds() => ProcessOwnership.FindOwned(Owner, Directory);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        var stops = new List<Task>();
        if (_postgres is not null)
        {
            stops.Add(Quietly(_postgres.StopAsync));
        }

        if (_rabbitMq is not null)
        {
            stops.Add(Quietly(_rabbitMq.StopAsync));
        }

        if (_redis is not null)
        {
            stops.Add(Quietly(_redis.StopAsync));
        }

        await Task.WhenAll(stops);
        ProcessOwnership.KillOwned(Owner, Directory);
        await ProcessOwnership.WaitGoneAsync(GetProcessIds, TimeSpan.FromSeconds(10));
        _watchdog.Dispose();
        DeleteDirectory();
    }

    private ServerContext Context(string resource) =>
        new(Owner, resource, Path.Combine(Directory, resource), Ephemeral: true);

    private static async Task Quietly(Func<Task> stop)
    {
        try
        {
            await stop();
        }
        catch (Exception)
        {
            // Whatever is left is killed by marker below.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        ProcessOwnership.KillOwned(Owner, Directory);
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (System.IO.Directory.Exists(Directory))
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static InvalidOperationException NotStarted(string server) =>
        new($"{server} was not started: enable it in {nameof(InfrastructureOptions)}.");
}
