using System.Security.Cryptography;

namespace Tinjau.Hosting;

/// <summary>Generated server passwords, kept in the state folder so a data folder and its password stay together.</summary>
internal static class KeptSecret
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static string In(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = New();
        File.WriteAllText(path, secret);
        OwnerOnly(path);
        return secret;
    }

    /// <summary>A file holding a secret is readable by its owner only.</summary>
    public static void OwnerOnly(string path, bool writable = true)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, writable ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead);
        }
    }
}
