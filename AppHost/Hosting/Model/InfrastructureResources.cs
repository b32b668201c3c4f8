namespace Tinjau.AppHost.Hosting;

/// <summary>A local server process with a fixed default port (a free one in RandomizePorts mode).</summary>
public abstract class ServerResource(string name, string type, int defaultPort) : Resource(name, type), IResourceWithConnectionString
{
    public int DefaultPort { get; set; } = defaultPort;
}

public sealed class PostgresServerResource(string name, int defaultPort) : ServerResource(name, "Postgres", defaultPort)
{
    public IList<PostgresDatabaseResource> Databases { get; } = [];
}

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name, "PostgresDatabase"), IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = server;
}

public sealed class RabbitMqServerResource(string name, int defaultPort, int defaultDistPort, int defaultEpmdPort)
    : ServerResource(name, "RabbitMQ", defaultPort)
{
    public int DefaultDistPort { get; set; } = defaultDistPort;

    public int DefaultEpmdPort { get; set; } = defaultEpmdPort;
}

public sealed class RedisResource(string name, int defaultPort) : ServerResource(name, "Redis", defaultPort);
