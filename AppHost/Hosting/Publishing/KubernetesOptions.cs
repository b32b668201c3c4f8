using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Tinjau.Hosting.Publishing;

/// <summary>
/// What the <c>kubernetes-manifests</c> step writes, from configuration <c>Kubernetes:*</c>
/// (<c>--Kubernetes:Namespace=staging</c>, <c>Kubernetes__Namespace=staging</c>, appsettings).
/// </summary>
public sealed partial class KubernetesOptions
{
    public const string Section = "Kubernetes";

    /// <summary>Kubernetes:Namespace.</summary>
    public string Namespace { get; init; } = "tinjau";

    /// <summary>Kubernetes:ImagePrefix: images are <c>{prefix}/{project}:{tag}</c>.</summary>
    public string ImagePrefix { get; init; } = "tinjau";

    /// <summary>Kubernetes:ImageTag.</summary>
    public string ImageTag { get; init; } = "latest";

    /// <summary>Kubernetes:Replicas, of every project (they are stateless).</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>Kubernetes:IngressHost: the host of the external project's Ingress; empty for any host.</summary>
    public string IngressHost { get; init; } = "tinjau.example.com";

    /// <summary>Kubernetes:IngressClass: the Ingress' <c>ingressClassName</c>; empty for the cluster's default.</summary>
    public string IngressClass { get; init; } = "";

    /// <summary>Kubernetes:OtlpEndpoint: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> in the telemetry ConfigMap.</summary>
    public string OtlpEndpoint { get; init; } = "http://otel-collector:4318";

    public static KubernetesOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new KubernetesOptions();
        var replicas = section["Replicas"] is { Length: > 0 } text
            ? int.TryParse(text, out var n) ? n : throw new InvalidOperationException($"Kubernetes:Replicas '{text}' is not a number.")
            : defaults.Replicas;
        var options = new KubernetesOptions
        {
            Namespace = Value(section, "Namespace", defaults.Namespace),
            ImagePrefix = Value(section, "ImagePrefix", defaults.ImagePrefix).TrimEnd('/'),
            ImageTag = Value(section, "ImageTag", defaults.ImageTag),
            Replicas = replicas,
            IngressHost = section["IngressHost"]?.Trim() ?? defaults.IngressHost,
            IngressClass = section["IngressClass"]?.Trim() ?? defaults.IngressClass,
            OtlpEndpoint = Value(section, "OtlpEndpoint", defaults.OtlpEndpoint),
        };
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (!IsDnsLabel(Namespace))
        {
            throw new InvalidOperationException($"Kubernetes:Namespace '{Namespace}' is not a Kubernetes name (lower-case letters, digits and '-').");
        }

        if (Replicas < 1)
        {
            throw new InvalidOperationException("Kubernetes:Replicas must be at least 1.");
        }

        if (!ImageTagPattern().IsMatch(ImageTag))
        {
            throw new InvalidOperationException($"Kubernetes:ImageTag '{ImageTag}' is not a valid image tag.");
        }

        if (ImagePrefix.Length == 0 || ImagePrefix.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"Kubernetes:ImagePrefix '{ImagePrefix}' is not a valid repository prefix.");
        }

        if (IngressHost.Length > 0 && !HostPattern().IsMatch(IngressHost))
        {
            throw new InvalidOperationException($"Kubernetes:IngressHost '{IngressHost}' is not a host name.");
        }

        if (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Kubernetes:OtlpEndpoint '{OtlpEndpoint}' is not an absolute URL.");
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
