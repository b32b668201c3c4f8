using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Tinjau.AppHost.Hosting;

/// <summary>The <c>AppHost:*</c> configuration, resolved.</summary>
public sealed class AppHostOptions
{
    public const string Section = "AppHost";
    public const int DefaultDashboardPort = 18888;

    /// <summary>AppHost:RandomizePorts — every port (infra, services, gateway, dashboard) is a free one.</summary>
    public bool RandomizePorts { get; init; }

    /// <summary>The folder holding Platform.sln (AppHost:RepositoryRoot, else found by walking up).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>AppHost:StateDirectory, default {repo}/.state.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>AppHost:DashboardPort, default 18888.</summary>
    public int DashboardPort { get; init; } = DefaultDashboardPort;

    /// <summary>Build configuration of the projects' output (AppHost:Configuration, default: the AppHost's own).</summary>
    public required string Configuration { get; init; }

    /// <summary>How long a project gets after SIGTERM before it is killed (AppHost:StopTimeoutSeconds).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static AppHostOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var root = section["RepositoryRoot"] is { Length: > 0 } given ? Path.GetFullPath(given) : FindRepositoryRoot();
        return new AppHostOptions
        {
            RandomizePorts = section.GetValue<bool>("RandomizePorts"),
            RepositoryRoot = root,
            StateDirectory = section["StateDirectory"] is { Length: > 0 } state ? Path.GetFullPath(state) : Path.Combine(root, ".state"),
            DashboardPort = section.GetValue("DashboardPort", DefaultDashboardPort),
            Configuration = section["Configuration"] is { Length: > 0 } c ? c : BuildConfiguration(),
            StopTimeout = TimeSpan.FromSeconds(section.GetValue("StopTimeoutSeconds", 10)),
        };
    }

    /// <summary>The configuration the AppHost itself was built with (Debug/Release).</summary>
    public static string BuildConfiguration() =>
        typeof(AppHostOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the current or the AppHost's directory: set AppHost:RepositoryRoot.");
    }
}
