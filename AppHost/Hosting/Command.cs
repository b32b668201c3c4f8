using System.Diagnostics;

namespace Tinjau.Hosting;

/// <summary>Runs a short command (initdb, chown, rabbitmqctl) to completion.</summary>
internal static class Command
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }

    public static void ChangeOwner(string path, string user)
    {
        using var process = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start chown");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R {user} {path} failed (exit {process.ExitCode})");
        }
    }
}
