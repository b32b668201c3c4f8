using Microsoft.Extensions.Configuration;

namespace Tinjau.AppHost.Hosting;

public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    DistributedApplication Build();
}

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    /// <summary>Aspire's publish switches (<c>--publisher kubernetes --output-path DIR</c>), as <c>AppHost:*</c> keys.</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--publisher"] = "AppHost:Publisher",
        ["--output-path"] = "AppHost:OutputPath",
        ["--namespace"] = "AppHost:Namespace",
        ["--image-prefix"] = "AppHost:ImagePrefix",
        ["--image-tag"] = "AppHost:ImageTag",
        ["--replicas"] = "AppHost:Replicas",
        ["--ingress-host"] = "AppHost:IngressHost",
        ["--ingress-class"] = "AppHost:IngressClass",
        ["--otlp-endpoint"] = "AppHost:OtlpEndpoint",
    };

    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationManager();
        Configuration.SetBasePath(AppContext.BaseDirectory);
        Configuration.AddJsonFile("appsettings.json", optional: true);
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args, SwitchMappings);
    }

    public ConfigurationManager Configuration { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build() => new(Configuration, _resources.ToList());
}
