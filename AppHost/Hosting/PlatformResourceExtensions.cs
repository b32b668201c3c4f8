using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Tinjau.Hosting;

public static class PlatformResourceExtensions
{
    /// <summary>
    /// Identity's token signing and encryption keys: generated into the state folder when run here, so tokens
    /// survive a restart; parameters (a Secret in Kubernetes) when published.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentityKeys(this IResourceBuilder<ProjectResource> identity)
    {
        var builder = identity.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            return identity
                .WithEnvironment("Identity__SigningKey__Pem", builder.AddParameter("identity-signing-key", secret: true))
                .WithEnvironment("Identity__EncryptionKey__Pem", builder.AddParameter("identity-encryption-key", secret: true));
        }

        return identity.WithEnvironment("Identity__KeysPath", Path.Combine(LocalServerOptions.For(builder).StateDirectory, "identity-keys"));
    }

    /// <summary>
    /// A key the project keeps across restarts, in the environment variable <paramref name="variable"/>: generated
    /// once into the state folder when run here, a secret parameter <paramref name="name"/> when published.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKeptKey(this IResourceBuilder<ProjectResource> project, string variable, string name)
    {
        var builder = project.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            return project.WithEnvironment(variable, builder.AddParameter(name, secret: true));
        }

        var directory = LocalServerOptions.For(builder).ResourceDirectory(project.Resource.Name);
        return project.WithEnvironment(variable, KeptSecret.In(directory, name));
    }

    /// <summary>
    /// Gives the gateway and a front end that calls it for many citizens one shared key, in the environment variable
    /// <paramref name="variable"/>: random for each local run, a secret parameter when published.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTrustedForwarder(this IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ProjectResource> forwarder, string variable)
    {
        var builder = gateway.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            var key = builder.AddParameter("forwarder-key", secret: true);
            forwarder.WithEnvironment(variable, key);
            return gateway.WithEnvironment(variable, key);
        }

        var value = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        forwarder.WithEnvironment(variable, value);
        return gateway.WithEnvironment(variable, value);
    }

    /// <summary>
    /// Every project's <c>Identity__Issuer</c>, the public address tokens are obtained through: the gateway's own
    /// address when run here (whatever port it has), the parameter <c>public-url</c> when published (the address the
    /// ingress answers on, e.g. <c>https://tinjau.example.com/</c>).
    /// </summary>
    public static IDistributedApplicationBuilder WithPublicIssuer(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        var publicUrl = builder.ExecutionContext.IsPublishMode ? builder.AddParameter("public-url") : null;
        var endpoint = gateway.GetEndpoint("http");
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            if (publicUrl is not null)
            {
                resource.WithEnvironment("Identity__Issuer", publicUrl);
            }
            else
            {
                resource.WithEnvironment("Identity__Issuer", ReferenceExpression.Create($"{endpoint}/"));
            }
        }

        return builder;
    }

    /// <summary>
    /// A project's last telemetry export targets a dashboard that may already have stopped; a short OTLP timeout
    /// keeps Ctrl+C from waiting on it (12 s → 5–8 s measured).
    /// </summary>
    public static IDistributedApplicationBuilder ExportTelemetryBeforeShutdown(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "2000");
        }

        return builder;
    }
}
