namespace Tinjau.Hosting;

/// <summary>Where the Debian packages put the server programs; a missing one is one clear line.</summary>
public static class ServerBinaries
{
    public const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string RabbitMqCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static string PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")) && File.Exists(Path.Combine(c.Dir, "postgres")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        return found ?? throw Missing("PostgreSQL", "postgresql", $"{root}/<version>/bin/postgres");
    }

    public static string RabbitMq()
    {
        if (!File.Exists(RabbitMqServer) || !File.Exists(RabbitMqCtl))
        {
            throw Missing("RabbitMQ", "rabbitmq-server", RabbitMqServer);
        }

        return RabbitMqServer;
    }

    public static string Epmd() => FirstExisting("epmd", "erlang-base", "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd");

    public static string Redis() => FirstExisting("Redis", "redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server");

    private static string FirstExisting(string server, string package, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists) ?? throw Missing(server, package, candidates[0]);

    private static InvalidOperationException Missing(string server, string package, string path) =>
        new($"{server} is not installed ({path} not found): run ./run.sh, or `apt-get install {package}`, " +
            $"or give an existing server's connection string (ConnectionStrings__<name>).");
}
