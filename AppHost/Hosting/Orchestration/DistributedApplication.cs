using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Dashboard;
using Tinjau.AppHost.Hosting.Processes;
using Tinjau.AppHost.Hosting.Publishing;

namespace Tinjau.AppHost.Hosting;

/// <summary>
/// Runs the declared resources: infrastructure as local server processes, projects from their build output,
/// each started once what it waits for is healthy; stops projects first, then infrastructure.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IReadOnlyList<IResource> _resources;
    private readonly List<IResourceRunner> _runners = [];
    private readonly List<Task> _starts = [];
    private readonly CancellationTokenSource _startup = new();
    private DashboardServer? _dashboard;
    private Watchdog? _watchdog;
    private OrchestrationContext? _context;
    private int _stopped;

    internal DistributedApplication(IConfiguration configuration, IReadOnlyList<IResource> resources)
    {
        _configuration = configuration;
        _resources = resources;
    }

    public ResourceRegistry Registry { get; } = new();

    public ConsoleLog Console { get; } = new();

    public AppHostOptions Options => _context?.Options ?? throw new InvalidOperationException("Not started.");

    public string DashboardUrl => _dashboard?.Url ?? throw new InvalidOperationException("Not started.");

    /// <summary>The marker carried by every process this application launched.</summary>
    public string Owner => _context?.Owner ?? throw new InvalidOperationException("Not started.");

    public string StateFile => Path.Combine(Options.StateDirectory, "apphost.json");

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => new DistributedApplicationBuilder(args);

    /// <summary>Checks binaries and ports, starts the dashboard and launches every resource (in dependency order, in the background).</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        var options = AppHostOptions.From(_configuration);
        Directory.CreateDirectory(options.StateDirectory);
        UnixFiles.SetMode(options.StateDirectory, (UnixFileMode)0b111_101_101);
        var owner = "apphost-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(options.StateDirectory)))[..12].ToLowerInvariant();
        _context = new OrchestrationContext(options, _configuration, Console, owner);
        EnsureNoOtherAppHost();
        if (ProcessOwnership.KillOwned(owner, options.StateDirectory) > 0)
        {
            Console.Info("stopped processes left behind by an earlier run");
            await ProcessOwnership.WaitGoneAsync(() => ProcessOwnership.FindOwned(owner, options.StateDirectory), TimeSpan.FromSeconds(10));
        }

        foreach (var resource in _resources)
        {
            var runtime = Registry.Add(resource);
            _runners.Add(CreateRunner(runtime, resource, _context));
        }

        var dashboardPort = options.RandomizePorts ? 0 : options.DashboardPort;
        if (dashboardPort != 0 && !PortAllocator.IsFree(dashboardPort))
        {
            throw new PortAlreadyInUseException("dashboard", dashboardPort);
        }

        _dashboard = await DashboardServer.StartAsync(Registry.Snapshot, dashboardPort, ct: ct);
        _context.OtlpEndpoint = _dashboard.Url;
        _watchdog = Watchdog.Start(owner, directoryToDelete: "", scopeDirectory: options.StateDirectory);
        Registry.Changed += snapshot => Console.Info($"{snapshot.Name}: {snapshot.State}{(snapshot.Url is null ? "" : " " + snapshot.Url)}{(snapshot.Detail is null ? "" : $" ({snapshot.Detail})")}");
        WriteStateFile(ready: false);

        var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _startup.Token);
        foreach (var runner in _runners)
        {
            _starts.Add(Task.Run(() => StartWhenReadyAsync(runner, linked.Token), CancellationToken.None));
        }
    }

    /// <summary>Completes when every resource is healthy; throws if one could not start.</summary>
    public async Task WaitForHealthyAsync(CancellationToken ct = default)
    {
        await Task.WhenAll(Registry.Runtimes.Select(r => r.Healthy)).WaitAsync(ct);
        WriteStateFile(ready: true);
    }

    /// <summary>Infrastructure failing to start is fatal: throws its error.</summary>
    private async Task WaitForInfrastructureAsync(CancellationToken ct) =>
        await Task.WhenAll(_runners.Where(r => r.IsInfrastructure).Select(r => r.Runtime.Healthy)).WaitAsync(ct);

    /// <summary>Waits until each project is healthy or could not start; true when all are healthy.</summary>
    private async Task<bool> WaitForProjectsAsync(CancellationToken ct)
    {
        var projects = _runners.Where(r => !r.IsInfrastructure).Select(r => r.Runtime).ToList();
        await Task.WhenAll(projects.Select(p => p.Healthy.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(ct);
        return projects.All(p => p.Healthy.IsCompletedSuccessfully);
    }

    /// <summary>Projects first (SIGTERM, then kill after the stop timeout), then infrastructure, then the dashboard.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _context is null)
        {
            return;
        }

        await _startup.CancelAsync();
        await Task.WhenAll(_starts.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAll(_runners.Where(r => !r.IsInfrastructure).Select(SafeStopAsync));
        await Task.WhenAll(_runners.Where(r => r.IsInfrastructure).Select(SafeStopAsync));
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        if (ProcessOwnership.KillOwned(_context.Owner, Options.StateDirectory) > 0)
        {
            await ProcessOwnership.WaitGoneAsync(() => ProcessOwnership.FindOwned(_context.Owner, Options.StateDirectory), TimeSpan.FromSeconds(10));
        }

        _watchdog?.Dispose();
        TryDelete(StateFile);
    }

    /// <summary>Starts, prints the resource table once healthy, runs until Ctrl+C or SIGTERM, then stops everything.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        if (TryPublish())
        {
            return;
        }

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }

        try
        {
            await StartAsync(shutdown.Token);
            Console.Info($"state: {Options.StateDirectory}");
            Console.Info($"dashboard: {DashboardUrl}");
            await WaitForInfrastructureAsync(shutdown.Token);
            var healthy = await WaitForProjectsAsync(shutdown.Token);
            Console.Table(Registry.Snapshot());
            if (healthy)
            {
                WriteStateFile(ready: true);
                Console.Info("all resources are healthy; press Ctrl+C to stop");
                if (Registry.Runtimes.FirstOrDefault(r => r.Resource is ProjectResource { IsExternal: true }) is { } entry)
                {
                    Console.Info($"{entry.Resource.Name}: {entry.Url}");
                }
            }
            else
            {
                Console.Error("some projects could not start (see above); the others keep running. Ctrl+C stops everything.");
            }

            ReportStateChanges();
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Console.Info("stopping");
        }
        catch (Exception ex) when (ex is MissingServerBinaryException or PortAlreadyInUseException)
        {
            Console.Error(ex.Message);
            Environment.ExitCode = 1;
        }
        catch (Exception ex)
        {
            Console.Error(ex.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            await StopAsync();
            Console.Info("stopped");
        }
    }

    /// <summary>
    /// With <c>--publisher kubernetes --output-path DIR</c>: writes the manifests and starts nothing (true).
    /// A failure is reported with exit code 1.
    /// </summary>
    private bool TryPublish()
    {
        try
        {
            if (KubernetesPublishOptions.From(_configuration) is not { } options)
            {
                return false;
            }

            var result = KubernetesPublisher.Publish(_resources, options, AppHostOptions.From(_configuration));
            foreach (var note in result.Notes)
            {
                Console.Info(note);
            }

            Console.Info($"kubernetes: wrote {result.Files.Count} files to {result.OutputPath}");
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error($"kubernetes: {ex.Message}");
            Environment.ExitCode = 1;
            return true;
        }
    }

    /// <summary>Environment a project is started with (for inspection and tests).</summary>
    public IReadOnlyDictionary<string, string> GetEnvironment(string projectName) =>
        _runners.OfType<ProjectRunner>().First(r => r.Runtime.Resource.Name == projectName).BuildEnvironment();

    public ValueTask DisposeAsync() => new(StopAsync());

    private IResourceRunner CreateRunner(ResourceRuntime runtime, IResource resource, OrchestrationContext context)
    {
        if (resource is ServerResource && context.GivenConnectionString(resource.Name) is { } given)
        {
            return new ExternalServerRunner(runtime, given);
        }

        return resource switch
        {
            PostgresServerResource postgres => new PostgresRunner(runtime, postgres, context),
            PostgresDatabaseResource database => new DatabaseRunner(runtime, database, Registry[database.Server], context),
            RabbitMqServerResource rabbit => new RabbitMqRunner(runtime, rabbit, context),
            RedisResource redis => new RedisRunner(runtime, redis, context),
            ProjectResource project => new ProjectRunner(runtime, project, context, Registry),
            _ => throw new NotSupportedException($"No runner for {resource}."),
        };
    }

    private async Task StartWhenReadyAsync(IResourceRunner runner, CancellationToken ct)
    {
        try
        {
            foreach (var dependency in runner.Runtime.Resource.WaitsFor)
            {
                try
                {
                    await Registry[dependency].Healthy.WaitAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"{runner.Runtime.Resource.Name} cannot start: {dependency.Name} failed.", ex);
                }
            }

            await runner.StartAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            runner.Runtime.Fail(ex);
        }
    }

    private async Task SafeStopAsync(IResourceRunner runner)
    {
        try
        {
            await runner.StopAsync();
        }
        catch (Exception ex)
        {
            Console.Error($"stopping {runner.Runtime.Resource.Name}: {ex.Message}");
        }
    }

    private void ReportStateChanges() =>
        Registry.Changed += snapshot =>
        {
            if (snapshot.State is ResourceStates.Healthy or ResourceStates.Exited)
            {
                Console.Table(Registry.Snapshot());
            }
        };

    private void EnsureNoOtherAppHost()
    {
        int pid;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(StateFile));
            pid = document.RootElement.GetProperty("pid").GetInt32();
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return;
        }

        string commandLine;
        try
        {
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return;
        }

        if (pid != Environment.ProcessId && commandLine.Contains("AppHost", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Another AppHost (pid {pid}) uses {Options.StateDirectory}: stop it or set AppHost:StateDirectory.");
        }
    }

    private void WriteStateFile(bool ready)
    {
        var resources = Registry.Snapshot().ToDictionary(r => r.Name, r => r.Url);
        var gateway = Registry.Runtimes.FirstOrDefault(r => r.Resource is ProjectResource { IsExternal: true })?.Url;
        var json = JsonSerializer.Serialize(new
        {
            pid = Environment.ProcessId,
            ready,
            dashboardUrl = DashboardUrl,
            gatewayUrl = gateway,
            stateDirectory = Options.StateDirectory,
            resources,
        }, new JsonSerializerOptions { WriteIndented = true });
        var temp = StateFile + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, StateFile, overwrite: true);
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
    }
}
