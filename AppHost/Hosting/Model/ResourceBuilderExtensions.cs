namespace Tinjau.AppHost.Hosting;

/// <summary>The Aspire-shaped API used by Program.cs.</summary>
public static class ResourceBuilderExtensions
{
    public const int DefaultPostgresPort = 15432;
    public const int DefaultRabbitMqPort = 15672;
    public const int DefaultRabbitMqDistPort = 15673;
    public const int DefaultRabbitMqEpmdPort = 14369;
    public const int DefaultRedisPort = 16379;

    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new PostgresServerResource(name, port ?? DefaultPostgresPort));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        database.WaitsFor.Add(server.Resource);
        return server.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RabbitMqServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new RabbitMqServerResource(name, port ?? DefaultRabbitMqPort, DefaultRabbitMqDistPort, DefaultRabbitMqEpmdPort));

    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new RedisResource(name, port ?? DefaultRedisPort));

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddResource(new ProjectResource(name, projectPath));

    /// <summary>Gives the project <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithConnectionString> source)
    {
        AddOnce(builder.Resource.References, source.Resource);
        return builder;
    }

    /// <summary>Gives the project <c>services__{name}__http__0</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> source)
    {
        AddOnce(builder.Resource.References, source.Resource);
        return builder;
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        AddOnce(builder.Resource.WaitsFor, dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>A value to be given by whoever runs the platform (see <see cref="ParameterResource"/>).</summary>
    public static ParameterResource AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        new(name, secret);

    /// <summary>Sets <paramref name="name"/> from <paramref name="parameter"/> when it has a value.</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, ParameterResource parameter)
    {
        builder.Resource.ParameterEnvironment[name] = parameter;
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        builder.Resource.HttpPort = port;
        return builder;
    }

    /// <summary>A fixed http port on localhost, for clients outside the AppHost (a free one in RandomizePorts mode).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.HttpPort = port;
        builder.Resource.IsExternal = true;
        return builder;
    }

    private static void AddOnce(IList<IResource> list, IResource resource)
    {
        if (!list.Contains(resource))
        {
            list.Add(resource);
        }
    }
}
