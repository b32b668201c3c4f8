using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Tinjau.AppHost.Hosting.Publishing;

/// <summary>
/// <c>--publisher kubernetes --output-path DIR</c> (or <c>AppHost__Publisher</c>, <c>AppHost__OutputPath</c>):
/// write manifests instead of running anything.
/// </summary>
public sealed partial class KubernetesPublishOptions
{
    public const string PublisherName = "kubernetes";

    /// <summary>The folder the manifests are written to (AppHost:OutputPath, made absolute).</summary>
    public required string OutputPath { get; init; }

    /// <summary>AppHost:Namespace.</summary>
    public string Namespace { get; init; } = "tinjau";

    /// <summary>AppHost:ImagePrefix: images are <c>{prefix}/{project}:{tag}</c>.</summary>
    public string ImagePrefix { get; init; } = "tinjau";

    /// <summary>AppHost:ImageTag.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>AppHost:Replicas, of every project (they are stateless).</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>AppHost:IngressHost: the host of the external project's Ingress; empty for any host.</summary>
    public string IngressHost { get; init; } = "tinjau.example.com";

    /// <summary>AppHost:IngressClass: the Ingress' <c>ingressClassName</c>; empty for the cluster's default.</summary>
    public string IngressClass { get; init; } = "";

    /// <summary>AppHost:OtlpEndpoint: the value of the telemetry ConfigMap's <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string OtlpEndpoint { get; init; } = "http://otel-collector:4318";

    /// <summary>Null when no publisher is asked for (the AppHost runs the resources).</summary>
    public static KubernetesPublishOptions? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(AppHostOptions.Section);
        var publisher = section["Publisher"];
        if (string.IsNullOrWhiteSpace(publisher))
        {
            return null;
        }

        if (!string.Equals(publisher.Trim(), PublisherName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown publisher '{publisher}': the AppHost publishes '{PublisherName}'.");
        }

        var output = section["OutputPath"] is { Length: > 0 } o
            ? Path.GetFullPath(o)
            : throw new InvalidOperationException("--output-path (AppHost:OutputPath) is required with --publisher kubernetes.");
        var options = new KubernetesPublishOptions
        {
            OutputPath = output,
            Namespace = Value(section, "Namespace", "tinjau"),
            ImagePrefix = Value(section, "ImagePrefix", "tinjau").TrimEnd('/'),
            ImageTag = Value(section, "ImageTag", "latest"),
            Replicas = section.GetValue("Replicas", 2),
            IngressHost = section["IngressHost"] ?? "tinjau.example.com",
            IngressClass = section["IngressClass"] ?? "",
            OtlpEndpoint = Value(section, "OtlpEndpoint", "http://otel-collector:4318"),
        };
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (!DnsLabel().IsMatch(Namespace))
        {
            throw new InvalidOperationException($"Namespace '{Namespace}' is not a Kubernetes name (lower-case letters, digits and '-').");
        }

        if (Replicas < 1)
        {
            throw new InvalidOperationException("Replicas must be at least 1.");
        }

        if (!ImageTagPattern().IsMatch(ImageTag))
        {
            throw new InvalidOperationException($"Image tag '{ImageTag}' is not a valid tag.");
        }

        if (ImagePrefix.Length == 0 || ImagePrefix.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"Image prefix '{ImagePrefix}' is not a valid repository prefix.");
        }

        if (IngressHost.Length > 0 && !HostPattern().IsMatch(IngressHost))
        {
            throw new InvalidOperationException($"Ingress host '{IngressHost}' is not a host name.");
        }
    }

    public static bool IsDnsLabel(string name) => DnsLabel().IsMatch(name);

    private static string Value(IConfigurationSection section, string key, string fallback) =>
        section[key] is { Length: > 0 } value ? value.Trim() : fallback;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex(@"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex HostPattern();
}
