namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>Finds the servers installed from the Debian packages.</summary>
public static class ServerBinaries
{
    public const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string RabbitMqCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    /// <summary>The bin directory of the newest installed PostgreSQL (initdb, pg_ctl).</summary>
    public static string PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var found = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")) && File.Exists(Path.Combine(c.Dir, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        return found ?? throw new MissingServerBinaryException("PostgreSQL", "postgresql", $"{root}/<version>/bin/initdb and pg_ctl");
    }

    public static void EnsureRabbitMq()
    {
        if (!File.Exists(RabbitMqServer) || !File.Exists(RabbitMqCtl))
        {
            throw new MissingServerBinaryException("RabbitMQ", "rabbitmq-server", $"{RabbitMqServer} and {RabbitMqCtl}");
        }
    }

    public static string RedisServer()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new MissingServerBinaryException("Redis", "redis-server", "/usr/bin/redis-server");
    }

    /// <summary>Checks all three up front so a missing one is reported before anything starts.</summary>
    public static void EnsureInstalled(bool postgres, bool rabbitMq, bool redis)
    {
        if (postgres)
        {
            _ = PostgresBinDirectory();
        }

        if (rabbitMq)
        {
            EnsureRabbitMq();
        }

        if (redis)
        {
            _ = RedisServer();
        }
    }
}
