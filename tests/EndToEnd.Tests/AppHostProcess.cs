using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// The whole platform as <c>./run.sh</c> starts it: the AppHost's own build output run as a process, with every
/// port free and its state in a throw-away folder (<c>AppHost__RandomizePorts</c>, <c>AppHost__StateDirectory</c>).
/// It reads the gateway and dashboard URLs from <c>apphost.json</c>, which the AppHost writes once all is healthy.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(4);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process, string stateDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
    }

    public string StateDirectory { get; }

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static async Task<AppHostProcess> StartAsync(string? stateDirectory = null)
    {
        stateDirectory ??= Directory.CreateTempSubdirectory("tinjau-e2e-").FullName;
        var manifest = Path.Combine(stateDirectory, "apphost.json");
        File.Delete(manifest);

        var appHost = Path.Combine(RepositoryRoot, "AppHost", "bin", BuildConfiguration, "net10.0", "Tinjau.AppHost.dll");
        if (!File.Exists(appHost))
        {
            throw new InvalidOperationException($"{appHost} is missing: build Platform.sln first.");
        }
        var info = new ProcessStartInfo("dotnet", [appHost])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["AppHost__RandomizePorts"] = "true";
        info.Environment["AppHost__StateDirectory"] = stateDirectory;
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the AppHost");
        var host = new AppHostProcess(process, stateDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(manifest) || !host.TryReadManifest(manifest))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The AppHost exited with {process.ExitCode} before it was ready:\n{host.Tail()}");
                }
                if (deadline.Elapsed > StartDeadline)
                {
                    throw new TimeoutException($"The AppHost was not ready within {StartDeadline.TotalMinutes} min:\n{host.Tail()}");
                }
                await Task.Delay(200);
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM (what Ctrl+C or a service manager sends) and waits for the AppHost to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The AppHost did not stop within {timeout.TotalSeconds:0} s:\n{Tail()}");
            }
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync(TimeSpan.FromSeconds(60));
            }
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    public string Tail(int lines = 80)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private bool TryReadManifest(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (!doc.RootElement.GetProperty("ready").GetBoolean())
            {
                return false; // written as soon as the dashboard listens, again when every resource is healthy
            }
            GatewayUrl = new Uri(doc.RootElement.GetProperty("gatewayUrl").GetString()!);
            DashboardUrl = new Uri(doc.RootElement.GetProperty("dashboardUrl").GetString()!);
            return true;
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false; // being written
        }
    }

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

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
