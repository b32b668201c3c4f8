namespace Tinjau.AppHost.Hosting;

/// <summary>A .NET project run from its build output.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name, "Project")
{
    /// <summary>The .csproj, relative to the repository root (or absolute).</summary>
    public string ProjectPath { get; } = projectPath;

    /// <summary>Extra environment (WithEnvironment); wins over everything else.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Environment variables whose value is a parameter (WithEnvironment(name, parameter)).</summary>
    public IDictionary<string, ParameterResource> ParameterEnvironment { get; } = new Dictionary<string, ParameterResource>(StringComparer.Ordinal);

    /// <summary>Fixed http port (WithHttpEndpoint); null: launchSettings' applicationUrl or a free port.</summary>
    public int? HttpPort { get; set; }

    /// <summary>Bound to localhost for browsers and clients outside the AppHost (WithExternalHttpEndpoint).</summary>
    public bool IsExternal { get; set; }

    /// <summary>Path polled for readiness by WaitFor.</summary>
    public string HealthPath { get; set; } = "/health";
}
