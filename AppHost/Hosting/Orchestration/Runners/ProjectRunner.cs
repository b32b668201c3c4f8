using Tinjau.AppHost.Hosting.Processes;

namespace Tinjau.AppHost.Hosting;

/// <summary>Runs <c>dotnet {dll}</c> with Aspire's environment; restarts it with back-off when it crashes.</summary>
internal sealed class ProjectRunner : IResourceRunner
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ProjectResource _project;
    private readonly OrchestrationContext _context;
    private readonly ResourceRegistry _registry;
    private readonly ProjectLayout _layout;
    private readonly LaunchProfile _profile;
    private readonly CancellationTokenSource _stopping = new();
    private Task _supervisor = Task.CompletedTask;
    private ChildProcess? _current;

    public ProjectRunner(ResourceRuntime runtime, ProjectResource project, OrchestrationContext context, ResourceRegistry registry)
    {
        Runtime = runtime;
        _project = project;
        _context = context;
        _registry = registry;
        _layout = ProjectLayout.Read(context.Options.RepositoryRoot, project.ProjectPath);
        _profile = LaunchProfile.Read(_layout.ProjectDirectory);
        var port = ResolvePort();
        runtime.Url = $"http://{(project.IsExternal ? "localhost" : "127.0.0.1")}:{port}";
    }

    public ResourceRuntime Runtime { get; }

    public bool IsInfrastructure => false;

    public string Assembly => _layout.OutputAssembly(_context.Options.Configuration);

    public Task StartAsync(CancellationToken ct)
    {
        if (!File.Exists(Assembly))
        {
            throw new FileNotFoundException(
                $"{Assembly} not found: build it first (dotnet build AppHost/AppHost.csproj -c {_context.Options.Configuration} builds every project).");
        }

        _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_current is { HasExited: false } process)
        {
            Runtime.Set(ResourceStates.Stopping, process.Id);
            await process.StopAsync(_context.Options.StopTimeout);
        }

        await _supervisor;
        if (Runtime.State is not ResourceStates.Waiting and not ResourceStates.FailedToStart)
        {
            Runtime.Set(ResourceStates.Stopped);
        }
    }

    public Dictionary<string, string> BuildEnvironment()
    {
        var connectionStrings = new List<KeyValuePair<string, string>>();
        var services = new List<KeyValuePair<string, string>>();
        foreach (var reference in _project.References)
        {
            var runtime = _registry[reference];
            if (reference is ProjectResource)
            {
                services.Add(new(reference.Name, runtime.Url!));
            }
            else
            {
                connectionStrings.Add(new(reference.Name, runtime.ConnectionString!));
            }
        }

        return ProjectEnvironment.Build(new ProjectEnvironmentInput(
            _project.Name,
            Runtime.Url!,
            _context.OtlpEndpoint,
            Guid.NewGuid().ToString(),
            _profile.EnvironmentVariables,
            connectionStrings,
            services,
            Extra()));

        Dictionary<string, string> Extra()
        {
            var extra = new Dictionary<string, string>(_project.Environment);
            foreach (var (name, parameter) in _project.ParameterEnvironment)
            {
                if (parameter.GetValue(_context.Configuration) is { } value)
                {
                    extra[name] = value;
                }
            }
            return extra;
        }
    }

    private int ResolvePort()
    {
        if (_context.Options.RandomizePorts)
        {
            return PortAllocator.GetFreePort();
        }

        var fixedPort = _project.HttpPort ?? _profile.HttpPort;
        return fixedPort is { } port ? _context.Port(_project.Name, _project.Name, port) : PortAllocator.GetFreePort();
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        var attempt = 0;
        while (!ct.IsCancellationRequested)
        {
            Runtime.Set(ResourceStates.Starting);
            var environment = BuildEnvironment();
            environment[ProcessOwnership.OwnerVariable] = _context.Owner;
            environment[ProcessOwnership.ResourceVariable] = $"{_context.Owner}/{_project.Name}";
            var started = DateTime.UtcNow;
            using var process = ChildProcess.Start("dotnet", [Assembly], environment, _layout.ProjectDirectory,
                line => _context.Console.Line(_project.Name, line));
            _current = process;
            Runtime.Set(ResourceStates.Running, process.Id);

            using var health = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _ = WaitHealthyAsync(process, health.Token);
            var code = await process.Exited;
            await health.CancelAsync();
            if (ct.IsCancellationRequested)
            {
                return;
            }

            attempt = DateTime.UtcNow - started > TimeSpan.FromSeconds(60) ? 0 : attempt;
            var delay = RestartPolicy.Backoff(attempt++);
            Runtime.Set(ResourceStates.Exited, detail: $"exit code {code}");
            _context.Console.Info($"{_project.Name} exited with code {code}; restarting in {delay.TotalSeconds:0} s");
            Runtime.Set(ResourceStates.Restarting, detail: $"exit code {code}", countRestart: true);
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// A 200 is also what a service answers while a dependency is degraded (its broker not yet connected, so its
    /// consumers' queues not yet bound). Whatever waits for it must wait for "Healthy" when the body says so.
    /// </summary>
    internal static bool ReportsHealthy(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return !doc.RootElement.TryGetProperty("status", out var status)
                   || string.Equals(status.GetString(), "Healthy", StringComparison.OrdinalIgnoreCase);
        }
        catch (System.Text.Json.JsonException)
        {
            return true; // a plain-text health answer: the status code is all it says
        }
    }

    private async Task WaitHealthyAsync(ChildProcess process, CancellationToken ct)
    {
        var url = Runtime.Url!.TrimEnd('/') + _project.HealthPath;
        while (!ct.IsCancellationRequested && !process.HasExited)
        {
            try
            {
                using var response = await Http.GetAsync(url, ct);
                if (response.IsSuccessStatusCode && ReportsHealthy(await response.Content.ReadAsStringAsync(ct)))
                {
                    Runtime.Set(ResourceStates.Healthy, process.Id);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            try
            {
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
