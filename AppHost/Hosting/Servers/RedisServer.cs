using System.Net;
using System.Net.Sockets;
using System.Text;
using Tinjau.AppHost.Hosting.Processes;

namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>A Redis server in the foreground; throw-away (no persistence) or with an append-only file.</summary>
public sealed class RedisServer(ServerContext context, int port)
{
    private ChildProcess? _process;

    public int Port => port;

    public string ConnectionString => $"127.0.0.1:{port}";

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public Task<int> Exited => _process?.Exited ?? Task.FromResult(0);

    public async Task StartAsync(CancellationToken ct = default)
    {
        var program = ServerBinaries.RedisServer();
        Directory.CreateDirectory(context.Directory);
        string[] arguments =
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", context.Directory, "--daemonize", "no", "--logfile", "",
            .. context.Ephemeral ? new[] { "--save", "", "--appendonly", "no" } : ["--appendonly", "yes"],
        ];
        var writer = new ServerLogFile(Path.Combine(context.Directory, "server.out"));
        _process = ChildProcess.Start(program, arguments, context.MarkerEnvironment, context.Directory, line =>
        {
            writer.WriteLine(line);
            context.Log?.Invoke(line);
        });
        _ = _process.Exited.ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await SendAsync(port, "PING", ct) != "+PONG")
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Redis exited during start-up:\n{_process.Tail}");
            }

            if (DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new TimeoutException($"Redis did not answer PING within 30 s:\n{_process.Tail}");
            }

            await Task.Delay(50, ct);
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await SendAsync(port, context.Ephemeral ? "SHUTDOWN NOSAVE" : "SHUTDOWN", CancellationToken.None);
            if (await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(10))) != process.Exited)
            {
                process.KillTree();
            }
        }

        ProcessOwnership.KillResource(context.Owner, context.Resource);
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Sends one inline command and returns the first reply line (null if nobody answers).</summary>
    public static async Task<string?> SendAsync(int port, string command, CancellationToken ct = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return await reader.ReadLineAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
