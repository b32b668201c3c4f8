using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Hosting.Processes;

namespace Tinjau.AppHost.Hosting;

/// <summary>What every runner needs: options, configuration, ports, console, the owner marker.</summary>
internal sealed class OrchestrationContext(AppHostOptions options, IConfiguration configuration, ConsoleLog console, string owner)
{
    public AppHostOptions Options { get; } = options;

    public IConfiguration Configuration { get; } = configuration;

    public ConsoleLog Console { get; } = console;

    public string Owner { get; } = owner;

    /// <summary>The dashboard's OTLP receiver, known once the dashboard listens.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>ConnectionStrings:{name} when the AppHost was given an existing server.</summary>
    public string? GivenConnectionString(string name) =>
        Configuration.GetConnectionString(name) is { Length: > 0 } value ? value : null;

    /// <summary>A free port in RandomizePorts mode, else AppHost:Ports:{key} or the default (which must be free).</summary>
    public int Port(string resource, string key, int defaultPort)
    {
        if (Options.RandomizePorts)
        {
            return PortAllocator.GetFreePort();
        }

        var port = Configuration.GetValue($"{AppHostOptions.Section}:Ports:{key}", defaultPort);
        if (!PortAllocator.IsFree(port))
        {
            throw new PortAlreadyInUseException(resource, port);
        }

        return port;
    }

    public string ResourceDirectory(string name) => Path.Combine(Options.StateDirectory, name);
}
