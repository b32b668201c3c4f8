namespace Tinjau.AppHost.Hosting;

/// <summary>All resources of a running application, in declaration order.</summary>
public sealed class ResourceRegistry
{
    private readonly List<ResourceRuntime> _runtimes = [];

    public event Action<ResourceSnapshot>? Changed;

    public IReadOnlyList<ResourceRuntime> Runtimes => _runtimes;

    public ResourceRuntime Add(IResource resource)
    {
        var runtime = new ResourceRuntime(resource, r => Changed?.Invoke(r.Snapshot()));
        _runtimes.Add(runtime);
        return runtime;
    }

    public ResourceRuntime this[IResource resource] => _runtimes.First(r => ReferenceEquals(r.Resource, resource));

    public IReadOnlyList<ResourceSnapshot> Snapshot() => _runtimes.Select(r => r.Snapshot()).ToList();
}
