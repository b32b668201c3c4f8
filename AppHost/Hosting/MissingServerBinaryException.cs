namespace Tinjau.AppHost.Hosting;

/// <summary>A server program the launcher needs is not installed.</summary>
public sealed class MissingServerBinaryException(string server, string debianPackage, string searched)
    : Exception($"{server} is not installed (looked for {searched}): install the Debian package '{debianPackage}' (apt-get install -y {debianPackage}).")
{
    public string Server { get; } = server;

    public string DebianPackage { get; } = debianPackage;
}
