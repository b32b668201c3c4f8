using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Tinjau.Hosting.Publishing;

/// <summary>
/// The <c>.env</c> files an operator copies, fills in and turns into the Secrets the manifests refer to: every key, with
/// placeholders, never a value.
/// </summary>
internal static class SecretExamples
{
    public static string Connections(IReadOnlyList<IResourceWithConnectionString> needed, DistributedApplicationModel model,
        KubernetesOptions options, string generated)
    {
        var text = new StringBuilder()
            .Append("# ").Append(generated).Append('\n')
            .Append("# The keys of the Secret ").Append(KubernetesManifests.ConnectionsSecret)
            .Append(" (ConnectionStrings__<key> in the projects). Copy to connections.env, fill in, then:\n")
            .Append("#   kubectl create secret generic ").Append(KubernetesManifests.ConnectionsSecret)
            .Append(" -n ").Append(options.Namespace).Append(" --from-env-file=connections.env\n");

        var servers = needed.Select(ServerOf).Distinct().OrderBy(s => IndexIn(model, s)).ToList();
        foreach (var server in servers)
        {
            var databases = model.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == server).ToList();
            var dbs = databases.Count > 0 ? $"; databases (one per service): {string.Join(", ", databases.Select(d => d.DatabaseName))}" : "";
            text.Append("# ").Append(server.Name).Append(": ").Append(Kind(server))
                .Append(" is a managed or clustered server the operator provides (not deployed by these manifests)").Append(dbs).Append('\n');
            foreach (var key in needed.Where(r => ServerOf(r) == server).OrderBy(r => IndexIn(model, r)))
            {
                text.Append(key.Name).Append('=').Append(Placeholder(key)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Parameters(IReadOnlyList<ParameterResource> parameters, KubernetesOptions options, string generated)
    {
        var text = new StringBuilder()
            .Append("# ").Append(generated).Append('\n')
            .Append("# The parameters the projects need (AddParameter in AppHost/Program.cs). Copy to parameters.env, fill in, then:\n")
            .Append("#   kubectl create secret generic ").Append(KubernetesManifests.ParametersObject).Append(" -n ").Append(options.Namespace)
            .Append(" --from-env-file=parameters.env   (non-secret ones: kubectl create configmap ").Append(KubernetesManifests.ParametersObject).Append(" ...)\n")
            .Append("# A PEM value spans lines: create it with --from-file=<key>=<file> instead.\n");
        foreach (var parameter in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(parameter.Name).Append(parameter.Secret ? "=<secret value>\n" : "=<value>\n");
        }

        return text.ToString();
    }

    private static IResource ServerOf(IResource resource) => resource is IResourceWithParent { Parent: var parent } ? parent : resource;

    private static int IndexIn(DistributedApplicationModel model, IResource resource)
    {
        var index = model.Resources.ToList().IndexOf(resource);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Kind(IResource server) => server switch
    {
        PostgresServerResource => "PostgreSQL",
        RabbitMQServerResource => "RabbitMQ",
        RedisResource => "Redis",
        _ => server.GetType().Name,
    };

    private static string Placeholder(IResource resource) => resource switch
    {
        PostgresDatabaseResource database => $"Host=<postgres-host>;Port=5432;Username=<username>;Password=<password>;Database={database.DatabaseName}",
        PostgresServerResource => "Host=<postgres-host>;Port=5432;Username=<username>;Password=<password>",
        RabbitMQServerResource => "amqp://<username>:<password>@<rabbitmq-host>:5672",
        RedisResource => "<redis-host>:6379,password=<password>",
        _ => "<connection string>",
    };
}
