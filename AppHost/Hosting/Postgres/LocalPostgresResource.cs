using Aspire.Hosting.ApplicationModel;

namespace Tinjau.Hosting;

/// <summary>A PostgreSQL server run by DCP from the OS packages, with the connection string Aspire's own gives.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, password)
{
    public const string UserName = "postgres";

    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host={Host};Port={Port};Username={UserName};Password={PasswordParameter}");
}

/// <summary>
/// One service's database on a PostgreSQL server (ours, or an existing one given as a connection string). It is
/// created once the server is healthy; its state is published here because Aspire passes a parent's state only to
/// the children of containers.
/// </summary>
public sealed class PostgresDatabase(string name, string databaseName, IResourceWithConnectionString server)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public IResourceWithConnectionString Parent { get; } = server;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
