using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Hosting.Publishing;
using YamlDotNet.Serialization;

namespace Tinjau.AppHost.Tests;

public sealed class KubernetesPublisherTests : IDisposable
{
    private const string PostgresPassword = "S3cret-postgres-pw";
    private const string RabbitPassword = "S3cret-amqp-pw";
    private const string ParameterValue = "S3cret-parameter-value";
    private readonly FakeRepository _repo = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "tinjau-k8s-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        _repo.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task Publishes_a_deployment_and_a_service_per_project_and_starts_nothing()
    {
        await PublishAsync();

        var files = Directory.GetFiles(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "connections.example.env", "gateway-deployment.yaml", "gateway-ingress.yaml", "gateway-service.yaml", "kustomization.yaml",
                "namespace.yaml", "other-deployment.yaml", "other-service.yaml", "parameters.example.env", "svc-deployment.yaml", "svc-service.yaml",
                "telemetry-configmap.yaml",
            },
            files);
        Assert.False(Directory.Exists(_repo.State), "publishing must not start anything (no state folder, no servers)");

        foreach (var project in new[] { "svc", "other", "gateway" })
        {
            var deployment = Load($"{project}-deployment.yaml");
            Assert.Equal("Deployment", deployment["kind"]);
            Assert.Equal("tinjau", Map(deployment["metadata"])["namespace"]);
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
            Assert.Matches(@"\n *containerPort: 8080\n", Text($"{project}-deployment.yaml")); // an integer, not a string

            var service = Load($"{project}-service.yaml");
            Assert.Equal("Service", service["kind"]);
            Assert.Equal(project, Map(service["metadata"])["name"]);
            Assert.Equal(project, Map(Map(service["spec"])["selector"])["app.kubernetes.io/name"]);
            var servicePort = Map(Assert.Single(List(Map(service["spec"])["ports"])));
            Assert.Equal(("80", "http"), (servicePort["port"], servicePort["targetPort"]));
        }
    }

    [Fact]
    public async Task Gives_each_project_exactly_the_variables_Aspire_gives_with_connection_strings_from_the_secret()
    {
        await PublishAsync();

        var env = Env(Container(Load("svc-deployment.yaml")));
        Assert.Equal(
            new[]
            {
                "POD_NAME", "ASPNETCORE_ENVIRONMENT", "ConnectionStrings__svcdb", "ConnectionStrings__messaging", "ConnectionStrings__cache",
                "services__other__http__0", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME",
                "OTEL_RESOURCE_ATTRIBUTES", "ASPNETCORE_URLS", "Extra__Setting", "Svc__Key",
            },
            env.Keys);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]["value"]);
        Assert.Equal("http://+:8080", env["ASPNETCORE_URLS"]["value"]);
        Assert.Equal("http://other", env["services__other__http__0"]["value"]);
        Assert.Equal("svc", env["OTEL_SERVICE_NAME"]["value"]);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]["value"]);
        Assert.Equal("service.instance.id=$(POD_NAME)", env["OTEL_RESOURCE_ATTRIBUTES"]["value"]);
        Assert.Equal("42", env["Extra__Setting"]["value"]);
        // A parameter comes from the parameters Secret, never with its value (given here in configuration).
        Assert.False(env["Svc__Key"].ContainsKey("value"));
        Assert.Equal(("tinjau-parameters", "svc-key"), KeyRef(env["Svc__Key"], "secretKeyRef"));
        Assert.Equal(["svc-key=<secret value>"],
            (await File.ReadAllLinesAsync(Path.Combine(_output, KubernetesPublisher.ParametersExampleFile))).Where(l => !l.StartsWith('#')));
        Assert.Equal(("tinjau-telemetry", "OTEL_EXPORTER_OTLP_ENDPOINT"), KeyRef(env["OTEL_EXPORTER_OTLP_ENDPOINT"], "configMapKeyRef"));
        Assert.Equal("OTEL_EXPORTER_OTLP_ENDPOINT", Assert.Single(Map(Load("telemetry-configmap.yaml")["data"]).Keys));

        foreach (var (name, variable) in env.Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
        {
            Assert.False(variable.ContainsKey("value"), $"{name} must come from the Secret");
            Assert.Equal(("tinjau-connections", name["ConnectionStrings__".Length..]), KeyRef(variable, "secretKeyRef"));
        }

        // The WithEnvironment path into the local state folder means nothing in a pod.
        Assert.DoesNotContain("Svc__KeysPath", env.Keys);
        Assert.Contains("# Not published: Svc__KeysPath", Text("svc-deployment.yaml"), StringComparison.Ordinal);

        var gateway = Env(Container(Load("gateway-deployment.yaml")));
        Assert.Equal(["http://svc", "http://other"], gateway.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)).Select(e => e.Value["value"]));
        Assert.DoesNotContain(gateway.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_no_secret_value_and_lists_every_key_the_secret_needs()
    {
        await PublishAsync();

        foreach (var file in Directory.GetFiles(_output))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("S3cret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(_repo.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain("kind: Secret", text, StringComparison.Ordinal);
        }

        var lines = (await File.ReadAllLinesAsync(Path.Combine(_output, KubernetesPublisher.ConnectionsExampleFile))).ToList();
        var keys = lines.Where(l => !l.StartsWith('#') && l.Length > 0).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToList();
        Assert.Equal(["svcdb", "otherdb", "messaging", "cache"], keys);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Contains("<", l, StringComparison.Ordinal));
        foreach (var server in new[] { "postgres", "messaging", "cache" })
        {
            Assert.Single(lines, l => l.StartsWith($"# {server}: ", StringComparison.Ordinal) && l.Contains("managed or clustered server the operator provides", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("# postgres: ", StringComparison.Ordinal) && l.Contains("svcdb, otherdb", StringComparison.Ordinal));
        Assert.Contains("Database=svcdb", lines.Single(l => l.StartsWith("svcdb=", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_external_project_gets_an_ingress_and_the_kustomization_lists_every_manifest()
    {
        await PublishAsync("--ingress-host", "api.tinjau.test", "--namespace", "staging", "--image-prefix", "registry.example.com/tinjau/", "--image-tag", "1.4.2");

        var ingress = Load("gateway-ingress.yaml");
        Assert.Equal(("networking.k8s.io/v1", "Ingress"), (ingress["apiVersion"], ingress["kind"]));
        var rule = Map(Assert.Single(List(Map(ingress["spec"])["rules"])));
        Assert.Equal("api.tinjau.test", rule["host"]);
        var path = Map(Assert.Single(List(Map(rule["http"])["paths"])));
        var backend = Map(Map(path["backend"])["service"]);
        Assert.Equal(("/", "gateway", "http"), (path["path"], backend["name"], Map(backend["port"])["name"]));
        Assert.False(File.Exists(Path.Combine(_output, "svc-ingress.yaml")));

        Assert.Equal("registry.example.com/tinjau/svc:1.4.2", Container(Load("svc-deployment.yaml"))["image"]);
        Assert.Equal("staging", Map(Load("svc-service.yaml")["metadata"])["namespace"]);
        Assert.Equal("staging", Map(Load("namespace.yaml")["metadata"])["name"]);

        var kustomization = Load("kustomization.yaml");
        Assert.Equal("staging", kustomization["namespace"]);
        var manifests = Directory.GetFiles(_output, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(manifests, List(kustomization["resources"]).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_manifest_parses_and_survives_a_round_trip()
    {
        await PublishAsync();

        foreach (var file in Directory.GetFiles(_output, "*.yaml"))
        {
            var parsed = new Deserializer().Deserialize<object>(await File.ReadAllTextAsync(file));
            var again = new Deserializer().Deserialize<object>(new Serializer().Serialize(parsed));
            Assert.Equal(Canonical(parsed), Canonical(again));
            Assert.True(Map(parsed).ContainsKey("apiVersion") && Map(parsed).ContainsKey("kind"), file);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("yes")]
    [InlineData("NO")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("8080")]
    [InlineData("1:20")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("http://+:8080")]
    [InlineData("a: b")]
    [InlineData("x #y")]
    [InlineData("- item")]
    [InlineData("\"quoted\" and \\ back")]
    [InlineData("two\nlines\ttab")]
    [InlineData("")]
    [InlineData("Host=db;Password=<password>")]
    [InlineData("ünïcode")]
    public void A_string_reads_back_as_the_same_string(string value)
    {
        var text = Yaml.Write(new YamlMap { { "key", value }, { "list", new[] { value } } });

        var parsed = new Deserializer().Deserialize<Dictionary<string, object>>(text);
        Assert.Equal(value, parsed["key"]);
        Assert.Equal(value, Assert.Single(List(parsed["list"])));
        Assert.Equal(Yaml.PlainSafe(value), text.StartsWith($"key: {value}\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_come_from_the_publish_switches_or_AppHost_keys()
    {
        Assert.Null(KubernetesPublishOptions.From(new ConfigurationBuilder().Build()));

        var fromEnvironment = KubernetesPublishOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:Publisher"] = "kubernetes",
            ["AppHost:OutputPath"] = "out/k8s",
        }).Build())!;
        Assert.Equal(Path.GetFullPath("out/k8s"), fromEnvironment.OutputPath);
        Assert.Equal(("tinjau", "tinjau", "latest", 2), (fromEnvironment.Namespace, fromEnvironment.ImagePrefix, fromEnvironment.ImageTag, fromEnvironment.Replicas));

        var builder = DistributedApplication.CreateBuilder(["--publisher", "kubernetes", "--output-path", "/tmp/x", "--replicas", "3"]);
        var fromSwitches = KubernetesPublishOptions.From(builder.Configuration)!;
        Assert.Equal(("/tmp/x", 3), (fromSwitches.OutputPath, fromSwitches.Replicas));

        Assert.Throws<InvalidOperationException>(() => KubernetesPublishOptions.From(Config("AppHost:Publisher", "kubernetes")));
        Assert.Throws<InvalidOperationException>(() => KubernetesPublishOptions.From(Config("AppHost:Publisher", "docker-compose")));
        Assert.Throws<InvalidOperationException>(() => DistributedApplication.CreateBuilder(
            ["--publisher", "kubernetes", "--output-path", "/tmp/x", "--namespace", "Not_A_Name"]).Configuration.Let(KubernetesPublishOptions.From));

        static IConfiguration Config(string key, string value) =>
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
    }

    [Fact]
    public async Task The_real_AppHost_publishes_all_six_projects_and_exits_without_starting_anything()
    {
        var root = AppHostOptions.FindRepositoryRoot();
        var configuration = typeof(KubernetesPublisherTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = Path.Combine(root, "AppHost", "bin", configuration, "net10.0", "Tinjau.AppHost.dll");
        Assert.True(File.Exists(appHost), $"{appHost} is missing: build AppHost first.");
        var state = Path.Combine(_output, "state");
        string[] projects = ["identity", "unitregistry", "evaluations", "complaints", "inspections", "gateway"];

        // Aspire's switches, then the same through AppHost__* environment variables.
        var switches = Path.Combine(_output, "switches");
        var (code, output) = await RunAsync(appHost, root, ["--publisher", "kubernetes", "--output-path", switches], new() { ["AppHost__StateDirectory"] = state });
        Assert.True(code == 0, output);
        var environment = Path.Combine(_output, "environment");
        (code, output) = await RunAsync(appHost, root, [], new()
        {
            ["AppHost__StateDirectory"] = state,
            ["AppHost__Publisher"] = "kubernetes",
            ["AppHost__OutputPath"] = environment,
        });
        Assert.True(code == 0, output);

        foreach (var folder in new[] { switches, environment })
        {
            foreach (var project in projects)
            {
                Assert.True(File.Exists(Path.Combine(folder, $"{project}-deployment.yaml")), $"{project} deployment in {folder}");
                Assert.True(File.Exists(Path.Combine(folder, $"{project}-service.yaml")), $"{project} service in {folder}");
            }

            Assert.True(File.Exists(Path.Combine(folder, "gateway-ingress.yaml")));
            var keys = File.ReadAllLines(Path.Combine(folder, KubernetesPublisher.ConnectionsExampleFile))
                .Where(l => !l.StartsWith('#')).Select(l => l.Split('=')[0]).Order(StringComparer.Ordinal);
            Assert.Equal(["cache", "complaintsdb", "evaluationsdb", "identitydb", "inspectionsdb", "messaging", "unitregistrydb"], keys);
            // Identity's keys are parameters: published as references to the parameters Secret.
            Assert.Equal(["identity-encryption-key=<secret value>", "identity-signing-key=<secret value>"],
                File.ReadAllLines(Path.Combine(folder, KubernetesPublisher.ParametersExampleFile)).Where(l => !l.StartsWith('#')));
            var identity = File.ReadAllText(Path.Combine(folder, "identity-deployment.yaml"));
            Assert.Contains("name: Identity__SigningKey__Pem", identity, StringComparison.Ordinal);
            Assert.Contains("name: Identity__EncryptionKey__Pem", identity, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(state), "nothing was started: no state folder, no dashboard, no servers");
        Assert.DoesNotContain("dashboard:", output, StringComparison.Ordinal);
    }

    private async Task PublishAsync(params string[] more)
    {
        var builder = DistributedApplication.CreateBuilder(_repo.Args([
            "--publisher", "kubernetes", "--output-path", _output,
            "--ConnectionStrings:messaging=amqp://tinjau:" + RabbitPassword + "@rabbit:5672",
            "--Parameters:postgres-password=" + PostgresPassword,
            "--Parameters:svc-key=" + ParameterValue,
            .. more]));
        var postgres = builder.AddPostgres("postgres");
        var svcDb = postgres.AddDatabase("svcdb");
        var otherDb = postgres.AddDatabase("otherdb");
        var messaging = builder.AddRabbitMQ("messaging");
        var cache = builder.AddRedis("cache");
        var other = builder.AddProject("other", "svc/Svc.csproj").WithReference(otherDb).WaitFor(otherDb);
        var svc = builder.AddProject("svc", "svc/Svc.csproj")
            .WithReference(svcDb).WaitFor(svcDb)
            .WithReference(messaging).WithReference(cache)
            .WithReference(other).WaitFor(other)
            .WithEnvironment("Svc__KeysPath", Path.Combine(_repo.State, "keys"))
            .WithEnvironment("Extra__Setting", "42")
            .WithEnvironment("Svc__Key", builder.AddParameter("svc-key", secret: true));
        builder.AddProject("gateway", "svc/Svc.csproj").WithReference(svc).WithReference(other).WithExternalHttpEndpoint(8080);

        await builder.Build().RunAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Directory.Exists(_output), "nothing published");
    }

    private static async Task<(int Code, string Output)> RunAsync(string appHost, string root, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [appHost, .. args])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the AppHost did not exit after publishing: " + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private Dictionary<object, object> Load(string file) => Map(new Deserializer().Deserialize<object>(Text(file)));

    private string Text(string file) => File.ReadAllText(Path.Combine(_output, file));

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

internal static class FunctionalExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> function) => function(value);
}
