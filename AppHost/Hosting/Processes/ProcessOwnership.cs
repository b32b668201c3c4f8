using System.Diagnostics;
using System.Text;

namespace Tinjau.AppHost.Hosting.Processes;

/// <summary>
/// Marks every child process with an environment variable that its own children inherit
/// (postmaster, beam, the epmd a node spawns), so they can be found in /proc and killed reliably.
/// </summary>
public static class ProcessOwnership
{
    public const string OwnerVariable = "TINJAU_OWNER";
    public const string ResourceVariable = "TINJAU_RESOURCE";

    /// <summary>Process ids whose initial environment holds <paramref name="variable"/>=<paramref name="value"/>.</summary>
    public static IReadOnlyList<int> FindProcesses(string variable, string value)
    {
        var needle = Encoding.UTF8.GetBytes($"{variable}={value}\0");
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (Contains(environ, needle))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited or is not ours.
            }
        }

        return found;
    }

    public static IReadOnlyList<int> FindOwned(string owner) => FindProcesses(OwnerVariable, owner);

    /// <summary>
    /// The owner's processes: those carrying its marker, and those working inside <paramref name="directory"/>, where
    /// every server is started. The second finds a server that rewrote its environment block (redis-server sets
    /// its process title over it), so the marker can no longer be read.
    /// </summary>
    public static IReadOnlyList<int> FindOwned(string owner, string directory) =>
        FindOwned(owner).Union(FindWorkingIn(directory)).ToList();

    /// <summary>The server programs the launcher starts (and what they start): only these are matched by folder.</summary>
    private static readonly HashSet<string> ServerPrograms =
        ["postgres", "beam.smp", "epmd", "erl_child_setup", "inet_gethost", "redis-server"];

    /// <summary>
    /// Server processes (never a shell or anything else that happens to sit there) whose working directory is
    /// <paramref name="directory"/> or below it.
    /// </summary>
    public static IReadOnlyList<int> FindWorkingIn(string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var cwd = Directory.ResolveLinkTarget(Path.Combine(dir, "cwd"), returnFinalTarget: false)?.FullName;
                // The process name, not the executable's: Debian's redis-server is a link to redis-check-rdb.
                if (cwd is not null && (cwd == root || cwd.StartsWith(root + "/", StringComparison.Ordinal))
                    && ServerPrograms.Contains(File.ReadAllText(Path.Combine(dir, "comm")).Trim()))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited or is not ours.
            }
        }

        return found;
    }

    public static int KillOwned(string owner, string directory) => Kill(FindOwned(owner, directory));

    public static IReadOnlyList<int> FindResource(string owner, string resource) => FindProcesses(ResourceVariable, $"{owner}/{resource}");

    /// <summary>SIGKILLs every process marked with the owner and returns how many there were.</summary>
    public static int KillOwned(string owner) => Kill(FindOwned(owner));

    public static int KillResource(string owner, string resource) => Kill(FindResource(owner, resource));

    public static int Kill(IEnumerable<int> pids)
    {
        var count = 0;
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                count++;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        return count;
    }

    /// <summary>Waits until no process carries the marker (or the deadline passes).</summary>
    public static async Task<bool> WaitGoneAsync(Func<IReadOnlyList<int>> find, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (find().Count == 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return find().Count == 0;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        // Variables are NUL-separated; match at the start or right after a NUL.
        var span = haystack.AsSpan();
        var index = 0;
        while (index < span.Length)
        {
            var hit = span[index..].IndexOf(needle);
            if (hit < 0)
            {
                return false;
            }

            var at = index + hit;
            if (at == 0 || span[at - 1] == 0)
            {
                return true;
            }

            index = at + 1;
        }

        return false;
    }
}
