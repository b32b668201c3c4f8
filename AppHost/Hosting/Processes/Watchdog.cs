namespace Tinjau.AppHost.Hosting.Processes;

/// <summary>
/// A tiny shell process in its own session that outlives a crashed parent: once the parent is gone it
/// SIGKILLs every process carrying the owner marker or working inside the owner's directory, and removes the
/// throw-away directory.
/// </summary>
public sealed class Watchdog : IDisposable
{
    private const string Script = """
        parent=$1; dir=$2; owner=$3; scope=$4
        while kill -0 "$parent" 2>/dev/null; do sleep 0.5; done
        for e in /proc/[0-9]*/environ; do
          if tr '\0' '\n' 2>/dev/null < "$e" | grep -qxF "TINJAU_OWNER=$owner"; then
            p=${e#/proc/}; kill -9 "${p%/environ}" 2>/dev/null
          fi
        done
        if [ -n "$scope" ]; then
          for c in /proc/[0-9]*/cwd; do
            p=${c#/proc/}; p=${p%/cwd}
            case "$(readlink "$c" 2>/dev/null)" in
              "$scope"|"$scope"/*)
                case "$(cat "/proc/$p/comm" 2>/dev/null)" in
                  postgres|beam.smp|epmd|erl_child_setup|inet_gethost|redis-server) kill -9 "$p" 2>/dev/null ;;
                esac ;;
            esac
          done
        fi
        [ -n "$dir" ] && rm -rf "$dir"
        exit 0
        """;

    private readonly ChildProcess _process;

    private Watchdog(ChildProcess process) => _process = process;

    /// <param name="owner">The marker value of the processes to kill.</param>
    /// <param name="directoryToDelete">Removed after the kill; empty to keep it.</param>
    /// <param name="scopeDirectory">Processes working inside it are the owner's too (the servers' state folder).</param>
    public static Watchdog Start(string owner, string directoryToDelete, string scopeDirectory)
    {
        var process = ChildProcess.Start("/bin/sh",
            ["-c", Script, "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), directoryToDelete, owner,
                Path.TrimEndingDirectorySeparator(Path.GetFullPath(scopeDirectory))],
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
