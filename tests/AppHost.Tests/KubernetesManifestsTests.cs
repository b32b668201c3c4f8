using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tinjau.Hosting.Publishing;
using YamlDotNet.Serialization;

namespace Tinjau.AppHost.Tests;

public sealed class KubernetesManifestsTests(PublishedAppHost published) : IClassFixture<PublishedAppHost>
{
    private static readonly string[] Projects = ["identity", "unitregistry", "evaluations", "complaints", "inspections", "gateway", "portal"];

    [Fact]
    public void Every_project_gets_a_deployment_and_a_service_and_the_gateway_an_ingress()
    {
        var expected = Projects.SelectMany(p => new[] { $"{p}-deployment.yaml", $"{p}-service.yaml" })
            .Concat(["gateway-ingress.yaml", "namespace.yaml", "telemetry-configmap.yaml", "kustomization.yaml",
                KubernetesManifests.ConnectionsExampleFile, KubernetesManifests.ParametersExampleFile])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(published.Manifests).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (var project in Projects)
        {
            var deployment = Load($"{project}-deployment.yaml");
            Assert.Equal(("apps/v1", "Deployment"), (deployment["apiVersion"], deployment["kind"]));
            Assert.Equal(("tinjau", project), (Map(deployment["metadata"])["namespace"], Map(deployment["metadata"])["name"]));
            var spec = Map(deployment["spec"]);
            Assert.Equal("2", spec["replicas"]);
            Assert.Equal(project, Map(Map(spec["selector"])["matchLabels"])["app.kubernetes.io/name"]);
            var container = Container(deployment);
            Assert.Equal($"tinjau/{project}:latest", container["image"]);
            var port = Map(Assert.Single(List(container["ports"])));
            Assert.Equal(("http", "8080"), (port["name"], port["containerPort"]));
            Assert.Equal(("/health", "http"), Probe(container, "readinessProbe"));
            Assert.Equal(("/alive", "http"), Probe(container, "livenessProbe"));
            var resources = Map(container["resources"]);
            Assert.True(Map(resources["requests"]).ContainsKey("memory") && Map(resources["limits"]).ContainsKey("memory"));
            // Integers where Kubernetes wants integers, quoted strings where it wants strings.
            Assert.Matches(@"\n *containerPort: 8080\n", Text($"{project}-deployment.yaml"));
            Assert.Matches(@"\n *replicas: 2\n", Text($"{project}-deployment.yaml"));
            Assert.Contains("name: HTTP_PORTS\n          value: \"8080\"\n", Text($"{project}-deployment.yaml"), StringComparison.Ordinal);

            var service = Load($"{project}-service.yaml");
            Assert.Equal(("v1", "Service"), (service["apiVersion"], service["kind"]));
            Assert.Equal(project, Map(service["metadata"])["name"]);
            Assert.Equal(project, Map(Map(service["spec"])["selector"])["app.kubernetes.io/name"]);
            var servicePort = Map(Assert.Single(List(Map(service["spec"])["ports"])));
            Assert.Equal(("80", "http"), (servicePort["port"], servicePort["targetPort"]));
            Assert.Equal(project == "gateway", File.Exists(Path.Combine(published.Manifests, $"{project}-ingress.yaml")));
        }

        var ingress = Load("gateway-ingress.yaml");
        Assert.Equal(("networking.k8s.io/v1", "Ingress"), (ingress["apiVersion"], ingress["kind"]));
        Assert.False(Map(ingress["spec"]).ContainsKey("ingressClassName"));
        var rule = Map(Assert.Single(List(Map(ingress["spec"])["rules"])));
        Assert.Equal("tinjau.example.com", rule["host"]);
        var path = Map(Assert.Single(List(Map(rule["http"])["paths"])));
        var backend = Map(Map(path["backend"])["service"]);
        Assert.Equal(("/", "Prefix", "gateway", "http"), (path["path"], path["pathType"], backend["name"], Map(backend["port"])["name"]));
    }

    [Fact]
    public void Each_project_gets_the_variables_Aspire_gives_with_connection_strings_and_parameters_from_secrets()
    {
        var identity = Env(Container(Load("identity-deployment.yaml")));
        Assert.Equal(
            [
                "POD_NAME", "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "HTTP_PORTS",
                "ConnectionStrings__identitydb", "ConnectionStrings__messaging", "ConnectionStrings__cache",
                "Identity__SigningKey__Pem", "Identity__EncryptionKey__Pem", "UNITREGISTRY_HTTP", "services__unitregistry__http__0",
                "GATEWAY_HTTP", "services__gateway__http__0", "Identity__Issuer",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME",
                "OTEL_RESOURCE_ATTRIBUTES",
            ],
            identity.Keys);
        Assert.Equal("8080", identity["HTTP_PORTS"]["value"]);
        Assert.Equal("http://unitregistry", identity["services__unitregistry__http__0"]["value"]);
        Assert.Equal("http://unitregistry", identity["UNITREGISTRY_HTTP"]["value"]);
        Assert.Equal("identity", identity["OTEL_SERVICE_NAME"]["value"]);
        Assert.Equal("service.instance.id=$(POD_NAME)", identity["OTEL_RESOURCE_ATTRIBUTES"]["value"]);
        Assert.Equal("metadata.name", Map(Map(identity["POD_NAME"]["valueFrom"])["fieldRef"])["fieldPath"]);
        Assert.Equal(("tinjau-telemetry", "OTEL_EXPORTER_OTLP_ENDPOINT"), KeyRef(identity["OTEL_EXPORTER_OTLP_ENDPOINT"], "configMapKeyRef"));
        Assert.Equal("OTEL_EXPORTER_OTLP_ENDPOINT", Assert.Single(Map(Load("telemetry-configmap.yaml")["data"]).Keys));

        // Identity's keys are parameters: references to the parameters Secret, never their values (given here in configuration).
        Assert.Equal(("tinjau-parameters", "identity-signing-key"), KeyRef(identity["Identity__SigningKey__Pem"], "secretKeyRef"));
        Assert.Equal(("tinjau-parameters", "identity-encryption-key"), KeyRef(identity["Identity__EncryptionKey__Pem"], "secretKeyRef"));

        // Every project names the same issuer: the public address, a parameter of the operator's (not a Secret).
        foreach (var project in Projects)
        {
            Assert.Equal(("tinjau-parameters", "public-url"), KeyRef(Env(Container(Load($"{project}-deployment.yaml")))["Identity__Issuer"], "configMapKeyRef"));
        }

        // The gateway believes the portal's X-Forwarded-For only with the key they share through the Secret.
        foreach (var project in new[] { "gateway", "portal" })
        {
            Assert.Equal(("tinjau-parameters", "forwarder-key"), KeyRef(Env(Container(Load($"{project}-deployment.yaml")))["Tinjau__ForwarderKey"], "secretKeyRef"));
        }

        // The gateway and the portal hold no data: they have no connection strings.
        foreach (var project in Projects.Where(p => p is not ("gateway" or "portal")))
        {
            var env = Env(Container(Load($"{project}-deployment.yaml")));
            var connections = env.Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
            Assert.Equal([$"ConnectionStrings__{project}db", "ConnectionStrings__messaging", "ConnectionStrings__cache"], connections.Select(c => c.Key));
            foreach (var (name, variable) in connections)
            {
                Assert.False(variable.ContainsKey("value"), $"{project}: {name} must come from the Secret");
                Assert.Equal(("tinjau-connections", name["ConnectionStrings__".Length..]), KeyRef(variable, "secretKeyRef"));
            }

            // The servers' connection properties (HOST, PORT, PASSWORD …) describe servers that are not deployed; inside
            // the cluster projects speak http only.
            Assert.DoesNotContain(env.Keys, k => k.StartsWith($"{project.ToUpperInvariant()}DB_", StringComparison.Ordinal)
                || k.StartsWith("MESSAGING_", StringComparison.Ordinal) || k.StartsWith("CACHE_", StringComparison.Ordinal));
            Assert.DoesNotContain(env.Keys, k => k.Contains("https", StringComparison.OrdinalIgnoreCase));
        }

        var gateway = Env(Container(Load("gateway-deployment.yaml")));
        Assert.Equal(
            ["http://unitregistry", "http://identity", "http://complaints", "http://evaluations", "http://inspections", "http://portal"],
            gateway.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)).Select(e => e.Value["value"]));
        Assert.DoesNotContain(gateway.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Writes_no_secret_value_and_lists_every_key_the_secrets_need()
    {
        var files = new[] { published.Manifests, published.StagingManifests, published.PublishManifests }.SelectMany(Directory.GetFiles);
        foreach (var file in files.Append(published.AspireManifest))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(PublishedAppHost.SecretMarker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("kind: Secret", text, StringComparison.Ordinal);
            if (!file.EndsWith(".json", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(published.Root, text, StringComparison.Ordinal);
            }
        }

        var lines = File.ReadAllLines(Path.Combine(published.Manifests, KubernetesManifests.ConnectionsExampleFile));
        var keys = lines.Where(l => !l.StartsWith('#')).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]);
        Assert.Equal(["unitregistrydb", "identitydb", "complaintsdb", "evaluationsdb", "inspectionsdb", "messaging", "cache"], keys);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Contains("<password>", l, StringComparison.Ordinal));
        foreach (var server in new[] { "postgres", "messaging", "cache" })
        {
            Assert.Single(lines, l => l.StartsWith($"# {server}: ", StringComparison.Ordinal)
                && l.Contains("managed or clustered server the operator provides", StringComparison.Ordinal));
        }

        Assert.Contains("Database=complaintsdb", lines.Single(l => l.StartsWith("complaintsdb=", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(["complaints-tracking-secret-key=<secret value>", "forwarder-key=<secret value>", "identity-encryption-key=<secret value>", "identity-signing-key=<secret value>", "public-url=<value>"],
            File.ReadAllLines(Path.Combine(published.Manifests, KubernetesManifests.ParametersExampleFile)).Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_and_every_manifest_survives_a_round_trip()
    {
        foreach (var folder in new[] { published.Manifests, published.StagingManifests })
        {
            var kustomization = Map(new Deserializer().Deserialize<object>(File.ReadAllText(Path.Combine(folder, "kustomization.yaml"))));
            var manifests = Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
            Assert.Equal(manifests, List(kustomization["resources"]).Cast<string>().Order(StringComparer.Ordinal));

            foreach (var file in Directory.GetFiles(folder, "*.yaml"))
            {
                var parsed = new Deserializer().Deserialize<object>(File.ReadAllText(file));
                var again = new Deserializer().Deserialize<object>(new Serializer().Serialize(parsed));
                Assert.Equal(Canonical(parsed), Canonical(again));
                Assert.True(Map(parsed).ContainsKey("apiVersion") && Map(parsed).ContainsKey("kind"), file);
            }
        }
    }

    [Fact]
    public void Options_come_from_the_Kubernetes_configuration_keys()
    {
        var folder = published.StagingManifests;
        Assert.Equal("staging", Map(Load("namespace.yaml", folder)["metadata"])["name"]);
        Assert.Equal("staging", Load("kustomization.yaml", folder)["namespace"]);
        Assert.Equal("staging", Map(Load("unitregistry-service.yaml", folder)["metadata"])["namespace"]);
        var deployment = Load("complaints-deployment.yaml", folder);
        Assert.Equal("3", Map(deployment["spec"])["replicas"]);
        Assert.Equal("registry.example.com/tinjau/complaints:1.4.2", Container(deployment)["image"]);
        var ingress = Map(Load("gateway-ingress.yaml", folder)["spec"]);
        Assert.Equal("nginx", ingress["ingressClassName"]);
        Assert.Equal("api.tinjau.test", Map(Assert.Single(List(ingress["rules"])))["host"]);
        Assert.Equal("http://collector.monitoring:4318", Map(Load("telemetry-configmap.yaml", folder)["data"])["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Contains("-n staging ", File.ReadAllText(Path.Combine(folder, KubernetesManifests.ConnectionsExampleFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_have_the_defaults_and_refuse_what_Kubernetes_would()
    {
        var defaults = KubernetesOptions.From(Config());
        Assert.Equal(("tinjau", "tinjau", "latest", 2), (defaults.Namespace, defaults.ImagePrefix, defaults.ImageTag, defaults.Replicas));
        Assert.Equal(("tinjau.example.com", "", "http://otel-collector:4318"), (defaults.IngressHost, defaults.IngressClass, defaults.OtlpEndpoint));
        Assert.Equal("", KubernetesOptions.From(Config(("Kubernetes:IngressHost", ""))).IngressHost);

        foreach (var (key, value) in new[]
        {
            ("Namespace", "Not_A_Name"), ("Replicas", "0"), ("Replicas", "two"), ("ImageTag", "a:b"), ("ImagePrefix", "with space"),
            ("IngressHost", "http://x"), ("OtlpEndpoint", "collector"),
        })
        {
            Assert.Throws<InvalidOperationException>(() => KubernetesOptions.From(Config(($"Kubernetes:{key}", value))));
        }

        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
    }

    [Fact]
    public void Publishing_starts_nothing()
    {
        Assert.False(Directory.Exists(published.State), "publishing must not start anything (no state folder, no servers)");
        Assert.DoesNotContain("Now listening", published.ManifestsLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Login to the dashboard", published.ManifestsLog, StringComparison.Ordinal);
        Assert.Contains("Kubernetes manifests written to", published.ManifestsLog, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_the_whole_pipeline_writes_the_same_manifests()
    {
        var files = Directory.GetFiles(published.Manifests).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(published.PublishManifests).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(published.Manifests, file!)), File.ReadAllText(Path.Combine(published.PublishManifests, file!)));
        }
    }

    [Fact]
    public void The_Aspire_manifest_is_still_produced_for_external_tools()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(published.AspireManifest));
        var resources = manifest.RootElement.GetProperty("resources");
        foreach (var project in Projects)
        {
            Assert.Equal("project.v0", resources.GetProperty(project).GetProperty("type").GetString());
        }

        Assert.Equal("container.v0", resources.GetProperty("postgres").GetProperty("type").GetString());
        Assert.Equal("parameter.v0", resources.GetProperty("identity-signing-key").GetProperty("type").GetString());
    }

    private Dictionary<object, object> Load(string file, string? folder = null) =>
        Map(new Deserializer().Deserialize<object>(File.ReadAllText(Path.Combine(folder ?? published.Manifests, file))));

    private string Text(string file) => File.ReadAllText(Path.Combine(published.Manifests, file));

    private static Dictionary<object, object> Map(object? node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<object> List(object? node) => Assert.IsType<List<object>>(node);

    private static Dictionary<object, object> Container(Dictionary<object, object> deployment) =>
        Map(Assert.Single(List(Map(Map(Map(deployment["spec"])["template"])["spec"])["containers"])));

    private static (object Path, object Port) Probe(Dictionary<object, object> container, string probe)
    {
        var get = Map(Map(container[probe])["httpGet"]);
        return (get["path"], get["port"]);
    }

    private static Dictionary<string, Dictionary<object, object>> Env(Dictionary<object, object> container)
    {
        var env = new Dictionary<string, Dictionary<object, object>>(StringComparer.Ordinal);
        foreach (var variable in List(container["env"]).Select(Map))
        {
            env.Add((string)variable["name"], variable); // Add: a duplicate name fails
        }

        return env;
    }

    private static (object Name, object Key) KeyRef(Dictionary<object, object> variable, string kind)
    {
        var reference = Map(Map(variable["valueFrom"])[kind]);
        return (reference["name"], reference["key"]);
    }

    private static string Canonical(object? node) => node switch
    {
        Dictionary<object, object> map => "{" + string.Join(",", map.Select(kv => $"{kv.Key}:{Canonical(kv.Value)}")) + "}",
        List<object> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        _ => "'" + node + "'",
    };
}
