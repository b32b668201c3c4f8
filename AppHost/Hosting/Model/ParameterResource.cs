namespace Tinjau.AppHost.Hosting;

/// <summary>
/// A value the platform needs from whoever runs it (Aspire's <c>AddParameter</c>): a local run reads it from
/// configuration <c>Parameters:{Name}</c> (user secrets, environment <c>Parameters__{Name}</c>) and leaves the variable
/// unset when it is not given; published manifests take it from the Secret (or ConfigMap) <c>tinjau-parameters</c>.
/// Its value is never written anywhere by the AppHost.
/// </summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name, "Parameter")
{
    public bool Secret { get; } = secret;

    public string? GetValue(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration[$"Parameters:{Name}"] is { Length: > 0 } value ? value : null;
}
