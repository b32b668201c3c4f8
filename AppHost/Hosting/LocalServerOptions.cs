using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tinjau.Hosting;

/// <summary>
/// Where and how the local servers run. Normal runs keep data in <c>&lt;repo&gt;/.state/&lt;resource&gt;</c> on fixed ports
/// below the ephemeral range; under Aspire.Hosting.Testing (<c>DcpPublisher:RandomizePorts</c>) or with
/// <c>Tinjau:Servers:Ephemeral=true</c> every port is a free one, data goes to a throw-away folder and durability is off.
/// </summary>
public sealed class LocalServerOptions
{
    private LocalServerOptions(string stateDirectory, bool ephemeral, IConfiguration configuration)
    {
        StateDirectory = stateDirectory;
        Ephemeral = ephemeral;
        Configuration = configuration;
    }

    public string StateDirectory { get; }

    public bool Ephemeral { get; }

    private IConfiguration Configuration { get; }

    public string ResourceDirectory(string resource)
    {
        var dir = Path.Combine(StateDirectory, resource);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// <c>Tinjau:Ports:&lt;name&gt;</c>, else the default; a free port when ephemeral. A fixed port already taken is one
    /// clear line now, not a server that fails to start later.
    /// </summary>
    public int Port(string name, int defaultPort)
    {
        if (Configuration.GetValue<int?>($"Tinjau:Ports:{name}") is not { } port)
        {
            if (Ephemeral)
            {
                return FreePort();
            }

            port = defaultPort;
        }

        if (IsTaken(port))
        {
            throw new InvalidOperationException($"Port {port} for {name} is already in use (another ./run.sh, or a server of the machine?): " +
                $"stop it, or choose another port with Tinjau__Ports__{name}=<port>.");
        }

        return port;
    }

    private static bool IsTaken(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public static LocalServerOptions For(IDistributedApplicationBuilder builder)
    {
        if (Cache.TryGetValue(builder, out var cached))
        {
            return cached;
        }

        var configuration = builder.Configuration;
        var ephemeral = configuration.GetValue<bool?>("Tinjau:Servers:Ephemeral") ?? configuration.GetValue<bool>("DcpPublisher:RandomizePorts");
        string state;
        if (configuration["Tinjau:StateDirectory"] is { Length: > 0 } given)
        {
            state = Path.GetFullPath(given);
        }
        else if (ephemeral)
        {
            state = Directory.CreateTempSubdirectory("tinjau-test-").FullName;
            if (!OperatingSystem.IsWindows())
            {
                // PostgreSQL runs as its own user and must reach its data folder inside.
                File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
            }

            // Registered before Aspire's own hosted services, so it stops after them: once DCP has stopped the servers.
            builder.Services.AddHostedService(_ => new ThrowAwayFolder(state));
        }
        else
        {
            state = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state"));
        }

        Directory.CreateDirectory(state);
        var options = new LocalServerOptions(state, ephemeral, configuration);
        Cache.Add(builder, options);
        return options;
    }

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalServerOptions> Cache = new();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Deletes a test run's server data once the application has stopped.</summary>
internal sealed class ThrowAwayFolder(string path) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // a server may still be flushing its last file
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }
}
