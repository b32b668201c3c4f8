namespace Tinjau.AppHost.Hosting;

/// <summary>Starts and stops one resource and keeps its <see cref="ResourceRuntime"/> up to date.</summary>
internal interface IResourceRunner
{
    ResourceRuntime Runtime { get; }

    /// <summary>Projects stop first, then infrastructure.</summary>
    bool IsInfrastructure { get; }

    /// <summary>Starts the resource and returns once it is healthy.</summary>
    Task StartAsync(CancellationToken ct);

    Task StopAsync();
}
