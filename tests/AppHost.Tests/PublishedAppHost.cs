using System.Diagnostics;
using System.Reflection;

namespace Tinjau.AppHost.Tests;

/// <summary>
/// Publishes the real AppHost (its build output, as <c>dotnet run --project AppHost -- …</c> would) once per test class:
/// the Kubernetes step with the default options, again with every option given as <c>Kubernetes__*</c> environment
/// variables, the whole publish step (as <c>aspire publish</c> runs it), and Aspire's own manifest. Values that must never be written are passed in as configuration.
/// </summary>
public sealed class PublishedAppHost : IAsyncLifetime
{
    public const string SecretMarker = "S3cret";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public string Root { get; } = FindRepositoryRoot();

    public string Output { get; } = Directory.CreateTempSubdirectory("tinjau-k8s-").FullName;

    /// <summary>Where the local servers would keep their data: publishing must not create it.</summary>
    public string State => Path.Combine(Output, "state");

    public string Manifests => Path.Combine(Output, "k8s");

    public string StagingManifests => Path.Combine(Output, "k8s-staging");

    /// <summary>What <c>aspire publish</c> runs: the publish step and what it requires.</summary>
    public string PublishManifests => Path.Combine(Output, "publish");

    public string AspireManifest => Path.Combine(Output, "aspire", "aspire-manifest.json");

    public string ManifestsLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ManifestsLog = await PublishAsync(["--operation", "publish", "--step", "kubernetes-manifests", "--output-path", Manifests], []);
        await PublishAsync(["--operation", "publish", "--step", "kubernetes-manifests", "--output-path", StagingManifests], new()
        {
            ["Kubernetes__Namespace"] = "staging",
            ["Kubernetes__ImagePrefix"] = "registry.example.com/tinjau/",
            ["Kubernetes__ImageTag"] = "1.4.2",
            ["Kubernetes__Replicas"] = "3",
            ["Kubernetes__IngressHost"] = "api.tinjau.test",
            ["Kubernetes__IngressClass"] = "nginx",
            ["Kubernetes__OtlpEndpoint"] = "http://collector.monitoring:4318",
        });
        await PublishAsync(["--operation", "publish", "--step", "publish", "--output-path", PublishManifests], []);
        await PublishAsync(["--publisher", "manifest", "--output-path", AspireManifest], []);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> PublishAsync(string[] args, Dictionary<string, string> environment)
    {
        var configuration = typeof(PublishedAppHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = Path.Combine(Root, "AppHost", "bin", configuration, "net10.0", "Tinjau.AppHost.dll");
        Assert.True(File.Exists(appHost), $"{appHost} is missing: build AppHost first.");

        var info = new ProcessStartInfo("dotnet", [
            appHost, .. args,
            "--Tinjau:StateDirectory=" + State,
            $"--Parameters:identity-signing-key={SecretMarker}-signing-key",
            $"--Parameters:identity-encryption-key={SecretMarker}-encryption-key",
            $"--Parameters:forwarder-key={SecretMarker}-forwarder-key",
            "--Parameters:public-url=https://tinjau.example.com/",
            $"--Parameters:complaints-tracking-secret-key={SecretMarker}-tracking-secret-key",
            $"--Parameters:postgres-password={SecretMarker}-postgres",
            $"--Parameters:cache-password={SecretMarker}-redis",
            $"--ConnectionStrings:messaging=amqp://tinjau:{SecretMarker}-amqp@rabbit:5672",
        ])
        {
            WorkingDirectory = Output,
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
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the AppHost did not exit after publishing ({string.Join(' ', args)}): {await stdout}{await stderr}");
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
