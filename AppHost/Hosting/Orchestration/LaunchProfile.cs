using System.Text.Json;

namespace Tinjau.AppHost.Hosting;

/// <summary>The first "Project" profile of Properties/launchSettings.json, as Aspire uses it.</summary>
public sealed record LaunchProfile(IReadOnlyDictionary<string, string> EnvironmentVariables, int? HttpPort)
{
    public static LaunchProfile Empty { get; } = new(new Dictionary<string, string>(), null);

    public static LaunchProfile Read(string projectDirectory)
    {
        var file = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : Empty;
    }

    public static LaunchProfile Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var all = profiles.EnumerateObject().Select(p => p.Value).Where(p => p.ValueKind == JsonValueKind.Object).ToList();
        var profile = all.FirstOrDefault(p => p.TryGetProperty("commandName", out var c) && c.GetString() == "Project");
        if (profile.ValueKind != JsonValueKind.Object)
        {
            profile = all.FirstOrDefault();
        }

        if (profile.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.TryGetProperty("environmentVariables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in variables.EnumerateObject())
            {
                environment[variable.Name] = variable.Value.ValueKind == JsonValueKind.String ? variable.Value.GetString()! : variable.Value.GetRawText();
            }
        }

        int? port = null;
        if (profile.TryGetProperty("applicationUrl", out var urls) && urls.GetString() is { } list)
        {
            port = list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == "http" ? uri.Port : (int?)null)
                .FirstOrDefault(p => p is not null);
        }

        return new LaunchProfile(environment, port);
    }
}
