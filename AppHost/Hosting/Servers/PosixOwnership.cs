using System.Runtime.InteropServices;

namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>chown for files handed to a server that runs as its own user (PostgreSQL refuses root).</summary>
internal static partial class PosixOwnership
{
    private static readonly Dictionary<string, (int Uid, int Gid)> Users = [];

    public static void ChangeOwner(string path, string user)
    {
        var (uid, gid) = Lookup(user);
        if (Chown(path, uid, gid) != 0)
        {
            throw new IOException($"chown {user} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private static (int Uid, int Gid) Lookup(string user)
    {
        lock (Users)
        {
            if (Users.TryGetValue(user, out var ids))
            {
                return ids;
            }

            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var parts = line.Split(':');
                if (parts.Length > 3 && parts[0] == user)
                {
                    ids = (int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
                    Users[user] = ids;
                    return ids;
                }
            }

            throw new InvalidOperationException($"User '{user}' does not exist: install the Debian package 'postgresql'.");
        }
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, int owner, int group);
}
