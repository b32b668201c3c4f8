namespace Tinjau.AppHost.Hosting;

/// <summary>A fixed port a resource needs is taken by another process.</summary>
public sealed class PortAlreadyInUseException(string resource, int port)
    : Exception($"Port {port} needed by resource '{resource}' is already in use: stop the process holding it or set another port (or AppHost:RandomizePorts=true).")
{
    public string Resource { get; } = resource;

    public int Port { get; } = port;
}
