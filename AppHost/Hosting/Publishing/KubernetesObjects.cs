namespace Tinjau.Hosting.Publishing;

// The few Kubernetes objects the manifests use, as YamlDotNet serialises them (camelCase, nulls left out). Property
// order is the order in the files.

internal sealed class KubernetesObject
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required ObjectMeta Metadata { get; init; }

    public object? Spec { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }
}

internal sealed class ObjectMeta
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}

internal sealed class DeploymentSpec
{
    public required int Replicas { get; init; }

    public required LabelSelector Selector { get; init; }

    public required PodTemplate Template { get; init; }
}

internal sealed class LabelSelector
{
    public required IReadOnlyDictionary<string, string> MatchLabels { get; init; }
}

internal sealed class PodTemplate
{
    public required PodMeta Metadata { get; init; }

    public required PodSpec Spec { get; init; }
}

internal sealed class PodMeta
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}

internal sealed class PodSpec
{
    public required IReadOnlyList<Container> Containers { get; init; }
}

internal sealed class Container
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    public required IReadOnlyList<PortSpec> Ports { get; init; }

    public required IReadOnlyList<EnvVar> Env { get; init; }

    public required Probe ReadinessProbe { get; init; }

    public required Probe LivenessProbe { get; init; }

    public required ResourceRequirements Resources { get; init; }

    public required SecurityContext SecurityContext { get; init; }
}

internal sealed class PortSpec
{
    public required string Name { get; init; }

    public required int ContainerPort { get; init; }

    public string Protocol { get; init; } = "TCP";
}

internal sealed class EnvVar
{
    public required string Name { get; init; }

    public string? Value { get; init; }

    public EnvVarSource? ValueFrom { get; init; }
}

internal sealed class EnvVarSource
{
    public KeySelector? SecretKeyRef { get; init; }

    public KeySelector? ConfigMapKeyRef { get; init; }

    public FieldSelector? FieldRef { get; init; }
}

internal sealed record KeySelector(string Name, string Key);

internal sealed record FieldSelector(string FieldPath);

internal sealed class Probe
{
    public required HttpGetAction HttpGet { get; init; }

    public required int InitialDelaySeconds { get; init; }

    public required int PeriodSeconds { get; init; }

    public int TimeoutSeconds { get; init; } = 3;

    public int FailureThreshold { get; init; } = 3;
}

internal sealed record HttpGetAction(string Path, string Port);

internal sealed class ResourceRequirements
{
    public required IReadOnlyDictionary<string, string> Requests { get; init; }

    public required IReadOnlyDictionary<string, string> Limits { get; init; }
}

internal sealed class SecurityContext
{
    public bool AllowPrivilegeEscalation { get; init; }

    public bool RunAsNonRoot { get; init; } = true;
}

internal sealed class ServiceSpec
{
    public string Type { get; init; } = "ClusterIP";

    public required IReadOnlyDictionary<string, string> Selector { get; init; }

    public required IReadOnlyList<ServicePort> Ports { get; init; }
}

internal sealed class ServicePort
{
    public required string Name { get; init; }

    public required int Port { get; init; }

    public required string TargetPort { get; init; }

    public string Protocol { get; init; } = "TCP";
}

internal sealed class IngressSpec
{
    public string? IngressClassName { get; init; }

    public required IReadOnlyList<IngressRule> Rules { get; init; }
}

internal sealed class IngressRule
{
    public string? Host { get; init; }

    public required HttpIngressRuleValue Http { get; init; }
}

internal sealed record HttpIngressRuleValue(IReadOnlyList<HttpIngressPath> Paths);

internal sealed record HttpIngressPath(string Path, string PathType, IngressBackend Backend);

internal sealed record IngressBackend(IngressServiceBackend Service);

internal sealed record IngressServiceBackend(string Name, ServiceBackendPort Port);

internal sealed record ServiceBackendPort(string Name);

internal sealed class Kustomization
{
    public string ApiVersion { get; init; } = "kustomize.config.k8s.io/v1beta1";

    public string Kind { get; init; } = "Kustomization";

    public required string Namespace { get; init; }

    public required IReadOnlyList<string> Resources { get; init; }
}
