using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Tinjau.Hosting;

/// <summary>
/// A server run by DCP from the OS packages (PostgreSQL, RabbitMQ, Redis): one <c>tcp</c> endpoint and a kept
/// password; each kind writes its connection string as Aspire's own resource of that kind does.
/// </summary>
public abstract class LocalServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The endpoint's host (IPv4) and port, as the connection string names them.</summary>
    protected EndpointReferenceExpression Host => Endpoint.Property(EndpointProperty.IPV4Host);

    protected EndpointReferenceExpression Port => Endpoint.Property(EndpointProperty.Port);

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}

/// <summary>What every local server is given: its state folder, the port it keeps, and its password kept there.</summary>
public sealed record LocalServer(LocalServerOptions Options, string Directory, int Port, string Secret, IResourceBuilder<ParameterResource> Password)
{
    public static LocalServer For(IDistributedApplicationBuilder builder, string name, int defaultPort)
    {
        var options = LocalServerOptions.For(builder);
        var directory = options.ResourceDirectory(name);
        var secret = KeptSecret.In(directory, "password");
        return new(options, directory, options.Port(name, defaultPort), secret, builder.AddParameter($"{name}-password", secret, secret: true));
    }

    /// <summary>The server resource: its endpoint on the kept port (no DCP proxy), its icon and health check, restarted when it crashes.</summary>
    public IResourceBuilder<T> Add<T>(IDistributedApplicationBuilder builder, T resource, string icon, string healthCheck) where T : LocalServerResource =>
        builder.AddResource(resource)
            .WithEndpoint(port: Port, name: LocalServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithIconName(icon)
            .WithHealthCheck(healthCheck)
            .RestartWhenCrashed();
}
