namespace Tinjau.AppHost.Hosting;

/// <summary>What a project process is given, under exactly the names Aspire uses.</summary>
public sealed record ProjectEnvironmentInput(
    string Name,
    string Url,
    string OtlpEndpoint,
    string InstanceId,
    IReadOnlyDictionary<string, string> LaunchProfileEnvironment,
    IReadOnlyList<KeyValuePair<string, string>> ConnectionStrings,
    IReadOnlyList<KeyValuePair<string, string>> ServiceUrls,
    IReadOnlyDictionary<string, string> Extra);

public static class ProjectEnvironment
{
    /// <summary>launchSettings env, then Aspire's variables, then WithEnvironment (last wins).</summary>
    public static Dictionary<string, string> Build(ProjectEnvironmentInput input)
    {
        var env = new Dictionary<string, string>(input.LaunchProfileEnvironment, StringComparer.Ordinal);
        foreach (var (name, connectionString) in input.ConnectionStrings)
        {
            env[$"ConnectionStrings__{name}"] = connectionString;
        }

        foreach (var (service, url) in input.ServiceUrls)
        {
            env[$"services__{service}__http__0"] = url;
        }

        env["OTEL_EXPORTER_OTLP_ENDPOINT"] = input.OtlpEndpoint;
        env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        env["OTEL_SERVICE_NAME"] = input.Name;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={input.InstanceId}";
        env["ASPNETCORE_URLS"] = input.Url;
        foreach (var (key, value) in input.Extra)
        {
            env[key] = value;
        }

        return env;
    }
}
