using System.Security.Cryptography;
using Npgsql;
using Tinjau.AppHost.Hosting.Processes;

namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>A PostgreSQL cluster in <c>{dir}/data</c>, run with pg_ctl as the postgres user when we are root.</summary>
public sealed class PostgresServer(ServerContext context, int port, string? password = null)
{
    private readonly string _dataDir = Path.Combine(context.Directory, "data");
    private readonly string _socketDir = Path.Combine(context.Directory, "sock");
    private readonly string _logFile = Path.Combine(context.Directory, "server.log");
    private string? _password = password;

    public int Port => port;

    public string Password => _password ?? throw new InvalidOperationException("PostgreSQL has not been started.");

    public string LogFile => _logFile;

    public string ServerConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>The given password, else the one saved in the server's folder, else a new one (saved unless ephemeral).</summary>
    public string ResolvePassword()
    {
        Directory.CreateDirectory(context.Directory);
        return _password ??= LoadOrCreatePassword();
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        var bin = ServerBinaries.PostgresBinDirectory();
        Directory.CreateDirectory(_socketDir);
        ResolvePassword();

        if (!File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            var pwFile = Path.Combine(context.Directory, "initdb.pw");
            await File.WriteAllTextAsync(pwFile, _password, ct);
            GiveToPostgres();
            try
            {
                await RunAsync(bin, "initdb",
                    ["-D", _dataDir, "-U", "postgres", $"--pwfile={pwFile}", "-A", "scram-sha-256", "--auth-local=trust",
                     "-E", "UTF8", "--locale=C.UTF-8", .. context.Ephemeral ? new[] { "--no-sync" } : []], ct);
            }
            finally
            {
                File.Delete(pwFile);
            }
        }

        GiveToPostgres();
        var options = $"-p {port} -k {_socketDir} -c listen_addresses=127.0.0.1";
        if (context.Ephemeral)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await RunAsync(bin, "pg_ctl", ["-D", _dataDir, "-l", _logFile, "-w", "-t", "60", "-o", options, "start"], ct);
    }

    public async Task StopAsync()
    {
        if (!File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            return;
        }

        var bin = ServerBinaries.PostgresBinDirectory();
        var result = await RunToolAsync(bin, "pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None);
        if (!result.Succeeded)
        {
            ProcessOwnership.KillResource(context.Owner, context.Resource);
        }
    }

    /// <summary>CREATE DATABASE unless it exists (SQLSTATE 42P04 is ignored, as Aspire does).</summary>
    public Task EnsureDatabaseAsync(string database, CancellationToken ct = default) =>
        PostgresDatabases.EnsureAsync(ServerConnectionString, database, ct);

    private static bool IsRoot => Environment.UserName == "root";

    private string LoadOrCreatePassword()
    {
        var file = Path.Combine(context.Directory, "password");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var generated = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        if (!context.Ephemeral)
        {
            File.WriteAllText(file, generated);
            UnixFiles.SetMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }

    private void GiveToPostgres()
    {
        if (!IsRoot)
        {
            return;
        }

        foreach (var path in new[] { context.Directory, _socketDir })
        {
            ChangeOwner(path);
        }

        if (Directory.Exists(_dataDir))
        {
            ChangeOwner(_dataDir);
            foreach (var entry in Directory.EnumerateFileSystemEntries(_dataDir, "*", SearchOption.AllDirectories))
            {
                ChangeOwner(entry);
            }
        }

        if (File.Exists(_logFile))
        {
            ChangeOwner(_logFile);
        }

        var pw = Path.Combine(context.Directory, "initdb.pw");
        if (File.Exists(pw))
        {
            ChangeOwner(pw);
        }
    }

    private static void ChangeOwner(string path) => PosixOwnership.ChangeOwner(path, "postgres");

    private Task<CommandResult> RunToolAsync(string bin, string tool, string[] arguments, CancellationToken ct)
    {
        var program = Path.Combine(bin, tool);
        return IsRoot
            ? CommandRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], context.MarkerEnvironment, TimeSpan.FromSeconds(90), ct)
            : CommandRunner.RunAsync(program, arguments, context.MarkerEnvironment, TimeSpan.FromSeconds(90), ct);
    }

    private async Task RunAsync(string bin, string tool, string[] arguments, CancellationToken ct)
    {
        var result = await RunToolAsync(bin, tool, arguments, ct);
        if (!result.Succeeded)
        {
            var log = File.Exists(_logFile) ? await File.ReadAllTextAsync(_logFile, ct) : string.Empty;
            throw new InvalidOperationException($"PostgreSQL {tool} failed (exit {result.ExitCode}): {result.Output.Trim()}\n{Last(log, 20)}");
        }
    }

    private static string Last(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
