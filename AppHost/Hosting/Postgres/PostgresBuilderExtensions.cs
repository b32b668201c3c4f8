using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tinjau.Hosting;

/// <summary>A PostgreSQL server whichever way it is provided, and the one way to add a database to it.</summary>
public sealed class PostgresServer(IResourceBuilder<IResourceWithConnectionString> server, Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
{
    public IResourceBuilder<IResourceWithConnectionString> Resource { get; } = server;

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);
}

public static class PostgresBuilderExtensions
{
    public const int DefaultPort = 15432;
    public const string PublishImageTag = "17.6";

    /// <summary>
    /// PostgreSQL: in publish mode Aspire's own (a real server resource, image tag pinned); with
    /// <c>ConnectionStrings:&lt;name&gt;</c> given, that server; otherwise a local server from the OS packages.
    /// </summary>
    public static PostgresServer AddTinjauPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        IResourceBuilder<PostgresServerResource>? published = null;
        var server = ServerChoice.For(builder, name,
            published: () => published = builder.AddPostgres(name).WithImageTag(PublishImageTag).WithDataVolume(),
            local: () => builder.AddLocalPostgres(name));
        return new PostgresServer(server, db => published is not null ? published.AddDatabase(db) : builder.AddPostgresDatabase(server, db));
    }

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var bin = ServerBinaries.PostgresBinDirectory();
        var server = LocalServer.For(builder, name, DefaultPort);
        var (options, directory, port, secret, password) = server;
        var data = Path.Combine(directory, "data");
        var socket = Path.Combine(directory, "sock");

        var resource = new LocalPostgresResource(name, "/bin/bash", directory, password.Resource);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = LocalPostgresResource.UserName,
            Password = secret,
            Database = "postgres",
        }.ConnectionString;

        string[] settings = ["-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={socket}"];
        if (options.Ephemeral)
        {
            settings = [.. settings, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        }

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: healthCheck);

        return server.Add(builder, resource, "DatabaseMultiple", healthCheck)
            .WithArgs([
                "-c", Wrapper.Script, "postgres",
                .. AsPostgresUser([Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. settings]),
            ])
            .OnBeforeResourceStarted(async (r, e, ct) =>
            {
                Directory.CreateDirectory(socket);
                if (!File.Exists(Path.Combine(data, "PG_VERSION")))
                {
                    await InitDbAsync(bin, directory, data, secret, options.Ephemeral,
                        e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(r), ct);
                }

                GiveToPostgres(directory);
            });
    }

    /// <summary>A database on <paramref name="server"/>, created (if missing) once the server is healthy.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var database = new PostgresDatabase(name, name, server.Resource);
        var isLocal = server.Resource is LocalPostgresResource;
        return builder.AddResource(database)
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("DatabaseName", name)],
            })
            .OnInitializeResource(async (db, e, ct) =>
            {
                var logger = e.Logger;
                try
                {
                    if (isLocal)
                    {
                        await e.Notifications.WaitForResourceHealthyAsync(server.Resource.Name, ct);
                    }

                    var serverConnection = await server.Resource.GetConnectionStringAsync(ct)
                        ?? throw new InvalidOperationException($"{server.Resource.Name} has no connection string");
                    await CreateDatabaseAsync(serverConnection, db.DatabaseName, ct);
                    await e.Notifications.PublishUpdateAsync(db, s => s with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                    });
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogError(ex, "Could not create database {Database}", db.DatabaseName);
                    await e.Notifications.PublishUpdateAsync(db, s => s with { State = KnownResourceStates.FailedToStart });
                }
            });
    }

    private static async Task CreateDatabaseAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres" };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                await command.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                return;
            }
            catch (NpgsqlException) when (attempt < 30 && !ct.IsCancellationRequested)
            {
                // an existing server may still be starting
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private static async Task InitDbAsync(string bin, string directory, string data, string password, bool ephemeral, ILogger logger, CancellationToken ct)
    {
        var passwordFile = Path.Combine(directory, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        GiveToPostgres(directory);
        try
        {
            string[] initdb = [Path.Combine(bin, "initdb"), "-D", data, "-U", LocalPostgresResource.UserName, $"--pwfile={passwordFile}",
                "-A", "scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", .. ephemeral ? ["--no-sync"] : Array.Empty<string>()];
            var command = AsPostgresUser(initdb);
            var result = await Command.RunAsync(command[0], command[1..], directory, ct);
            logger.LogInformation("initdb: {Output}", result.Output);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}): {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>PostgreSQL refuses to run as root: drop to the postgres user with setpriv (runuser forks).</summary>
    private static string[] AsPostgresUser(string[] command) =>
        IsRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", .. command] : command;

    private static void GiveToPostgres(string directory)
    {
        if (!IsRoot)
        {
            return;
        }

        Command.ChangeOwner(directory, "postgres");
    }
}
