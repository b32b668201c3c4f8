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
