namespace Tinjau.AppHost.Hosting;

/// <summary>Anything the AppHost runs or points at.</summary>
public interface IResource
{
    string Name { get; }

    /// <summary>Shown in the resource table, e.g. "Postgres", "Project".</summary>
    string Type { get; }

    /// <summary>Resources this one references (WithReference).</summary>
    IList<IResource> References { get; }

    /// <summary>Resources that must be healthy before this one starts (WaitFor).</summary>
    IList<IResource> WaitsFor { get; }
}

/// <summary>A resource that other resources reach with <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString : IResource;

public abstract class Resource(string name, string type) : IResource
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public IList<IResource> References { get; } = [];

    public IList<IResource> WaitsFor { get; } = [];

    public override string ToString() => $"{Type} {Name}";
}
