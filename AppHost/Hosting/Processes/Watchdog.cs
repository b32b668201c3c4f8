namespace Tinjau.AppHost.Hosting.Processes;

/// <summary>
/// A tiny shell process in its own session that outlives a crashed parent: once the parent is gone it
/// SIGKILLs every process carrying the owner marker and removes the throw-away directory.
/// </summary>
public sealed class Watchdog : IDisposable
{
    private const string Script = """
        parent=$1; dir=$2; owner=$3
        while kill -0 "$parent" 2>/dev/null; do sleep 0.5; done
        for e in /proc/[0-9]*/environ; do
          if tr '\0' '\n' < "$e" 2>/dev/null | grep -qxF "TINJAU_OWNER=$owner"; then
            p=${e#/proc/}; kill -9 "${p%/environ}" 2>/dev/null
          fi
        done
        [ -n "$dir" ] && rm -rf "$dir"
        exit 0
        """;

    private readonly ChildProcess _process;

    private Watchdog(ChildProcess process) => _process = process;

    /// <param name="owner">The marker value of the processes to kill.</param>
    /// <param name="directoryToDelete">Removed after the kill; empty to keep it.</param>
    public static Watchdog Start(string owner, string directoryToDelete)
    {
        var process = ChildProcess.Start("/bin/sh",
            ["-c", Script, "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), directoryToDelete, owner],
            new Dictionary<string, string>());
        return new Watchdog(process);
    }

    public int ProcessId => _process.Id;

    public void Dispose()
    {
        _process.KillTree();
        _process.Dispose();
    }
}
