using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Tinjau.Hosting.Publishing;

/// <summary>A project's environment in the cluster, and what it needs from the Secrets.</summary>
internal sealed record ContainerEnvironment(
    IReadOnlyList<EnvVar> Variables,
    IReadOnlyList<IResourceWithConnectionString> Connections,
    IReadOnlyList<ParameterResource> Parameters,
    IReadOnlyList<(string Variable, string Reason)> NotPublished);

/// <summary>
/// Evaluates a project's <see cref="EnvironmentCallbackAnnotation"/>s in publish mode, as Aspire's own publishers do,
/// and turns each value into its cluster form: a connection string is a <c>secretKeyRef</c> into
/// <see cref="KubernetesManifests.ConnectionsSecret"/> (key: the resource's name), a parameter a reference into
/// <see cref="KubernetesManifests.ParametersObject"/> (secret or not, as declared), a project's http endpoint its
/// Service (<c>http://name</c>), a string itself. No value of a secret is ever read.
/// </summary>
internal static class KubernetesEnvironment
{
    public const string PodNameVariable = "POD_NAME";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static async Task<ContainerEnvironment> EvaluateAsync(ProjectResource project, DistributedApplicationModel model,
        DistributedApplicationExecutionContext executionContext, CancellationToken ct)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (project.TryGetAnnotationsOfType<EnvironmentCallbackAnnotation>(out var callbacks))
        {
            var context = new EnvironmentCallbackContext(executionContext, project, values, ct);
            foreach (var callback in callbacks)
            {
                await callback.Callback(context);
            }
        }

        var serverProperties = ServerConnectionProperties(model);
        var connections = new List<IResourceWithConnectionString>();
        var parameters = new List<ParameterResource>();
        var notPublished = new List<(string, string)>();

        // POD_NAME first: Kubernetes expands $(POD_NAME) only from variables defined before it.
        var variables = new List<EnvVar>
        {
            new() { Name = PodNameVariable, ValueFrom = new EnvVarSource { FieldRef = new FieldSelector("metadata.name") } },
        };
        foreach (var (name, value) in values)
        {
            if (serverProperties.TryGetValue(name, out var server))
            {
                notPublished.Add((name, $"a connection property of {server}, a server these manifests do not deploy (the project reads ConnectionStrings__{server})"));
                continue;
            }

            var resolved = Resolve(value, project, name);
            switch (resolved)
            {
                case Literal literal:
                    variables.Add(new EnvVar { Name = name, Value = literal.Text });
                    break;
                case Connection connection:
                    AddOnce(connections, connection.Resource);
                    variables.Add(new EnvVar
                    {
                        Name = name,
                        ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector(KubernetesManifests.ConnectionsSecret, connection.Resource.Name) },
                    });
                    break;
                case Parameter { Resource: var parameter }:
                    AddOnce(parameters, parameter);
                    var selector = new KeySelector(KubernetesManifests.ParametersObject, parameter.Name);
                    variables.Add(new EnvVar
                    {
                        Name = name,
                        ValueFrom = parameter.Secret ? new EnvVarSource { SecretKeyRef = selector } : new EnvVarSource { ConfigMapKeyRef = selector },
                    });
                    break;
                case Skipped skipped:
                    notPublished.Add((name, skipped.Reason));
                    break;
            }
        }

        // Telemetry: what Aspire gives a project when it runs it, with the collector of the cluster.
        AddIfMissing(variables, new EnvVar
        {
            Name = OtlpEndpointVariable,
            ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector(KubernetesManifests.TelemetryConfigMap, OtlpEndpointVariable) },
        });
        AddIfMissing(variables, new EnvVar { Name = "OTEL_EXPORTER_OTLP_PROTOCOL", Value = "http/protobuf" });
        AddIfMissing(variables, new EnvVar { Name = "OTEL_SERVICE_NAME", Value = project.Name });
        AddIfMissing(variables, new EnvVar { Name = "OTEL_RESOURCE_ATTRIBUTES", Value = $"service.instance.id=$({PodNameVariable})" });
        return new ContainerEnvironment(variables, connections, parameters, notPublished);
    }

    private abstract record Resolved;

    private sealed record Literal(string Text) : Resolved;

    private sealed record Connection(IResourceWithConnectionString Resource) : Resolved;

    private sealed record Parameter(ParameterResource Resource) : Resolved;

    private sealed record Skipped(string Reason) : Resolved;

    private static Resolved Resolve(object? value, ProjectResource project, string variable) => value switch
    {
        null => new Literal(""),
        string text => new Literal(text),
        ConnectionStringReference reference => new Connection(reference.Resource),
        IResourceWithConnectionString resource => new Connection(resource),
        ParameterResource parameter => new Parameter(parameter),
        EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url, project, variable),
        EndpointReferenceExpression expression => Endpoint(expression.Endpoint, expression.Property, project, variable),
        ReferenceExpression { IsConditional: false } expression => Compose(expression, project, variable),
        IFormattable formattable => new Literal(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => throw Unsupported(project, variable, $"a value of type {value.GetType().Name}"),
    };

    /// <summary>A project's http endpoint is its Service: port 80 in front of the container's 8080.</summary>
    private static Resolved Endpoint(EndpointReference endpoint, EndpointProperty property, ProjectResource project, string variable)
    {
        if (endpoint.Resource is not ProjectResource target)
        {
            throw Unsupported(project, variable, $"an endpoint of {endpoint.Resource.Name}, which these manifests do not deploy");
        }

        if (!string.Equals(endpoint.EndpointAnnotation.UriScheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            return new Skipped($"the {endpoint.EndpointName} endpoint of {target.Name}: TLS ends at the Ingress, projects speak http inside the cluster");
        }

        var port = KubernetesManifests.ServicePort.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => new Literal($"http://{target.Name}"),
            EndpointProperty.Host or EndpointProperty.IPV4Host => new Literal(target.Name),
            EndpointProperty.Port => new Literal(port),
            EndpointProperty.HostAndPort => new Literal($"{target.Name}:{port}"),
            EndpointProperty.TargetPort => new Literal(KubernetesManifests.ContainerPort.ToString(CultureInfo.InvariantCulture)),
            EndpointProperty.Scheme => new Literal("http"),
            _ => throw Unsupported(project, variable, $"the {property} of {target.Name}'s {endpoint.EndpointName} endpoint"),
        };
    }

    /// <summary>An expression of literals is a literal; one that is a single reference is that reference.</summary>
    private static Resolved Compose(ReferenceExpression expression, ProjectResource project, string variable)
    {
        var parts = expression.ValueProviders.Select(p => Resolve(p, project, variable)).ToList();
        if (parts.OfType<Skipped>().FirstOrDefault() is { } skipped)
        {
            return skipped;
        }

        if (parts.Count == 1 && expression.Format == "{0}")
        {
            return parts[0];
        }

        if (parts.All(p => p is Literal) && expression.StringFormats.All(f => f is null))
        {
            return new Literal(string.Format(CultureInfo.InvariantCulture, expression.Format, parts.Cast<Literal>().Select(l => (object)l.Text).ToArray()));
        }

        throw Unsupported(project, variable, "a secret inside a longer value (give it a parameter or connection string of its own)");
    }

    /// <summary>
    /// The <c>{NAME}_{PROPERTY}</c> variables Aspire's <c>WithReference</c> adds beside <c>ConnectionStrings__{name}</c>
    /// (host, port, user, password, URI of the server): they describe servers these manifests do not deploy.
    /// </summary>
    private static Dictionary<string, string> ServerConnectionProperties(DistributedApplicationModel model)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in model.Resources.OfType<IResourceWithConnectionString>().Where(r => r is not ProjectResource))
        {
            var prefix = EnvironmentName(resource.Name) + "_";
            var properties = resource.GetConnectionProperties().Select(p => p.Key)
                .Concat(resource.Annotations.OfType<ConnectionPropertyAnnotation>().Select(a => a.Name));
            foreach (var property in properties)
            {
                names.TryAdd(prefix + property.ToUpperInvariant(), resource.Name);
            }
        }

        return names;
    }

    /// <summary>As Aspire encodes a resource name into a variable name (its encoder is internal), upper-cased.</summary>
    private static string EnvironmentName(string name)
    {
        var encoded = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return (name.Length > 0 && char.IsAsciiDigit(name[0]) ? "_" + encoded : encoded).ToUpperInvariant();
    }

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    private static void AddIfMissing(List<EnvVar> variables, EnvVar variable)
    {
        if (!variables.Exists(v => v.Name == variable.Name))
        {
            variables.Add(variable);
        }
    }

    private static NotSupportedException Unsupported(ProjectResource project, string variable, string what) =>
        new($"{project.Name}: {variable} is {what}; the Kubernetes manifests cannot carry it.");
}
