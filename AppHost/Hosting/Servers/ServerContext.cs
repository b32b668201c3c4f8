namespace Tinjau.AppHost.Hosting.Servers;

/// <summary>Where and for whom a local server runs.</summary>
/// <param name="Owner">Marker inherited by every process of this launcher (see ProcessOwnership).</param>
/// <param name="Resource">Resource name, e.g. "postgres".</param>
/// <param name="Directory">Data, config and logs of this server.</param>
/// <param name="Ephemeral">Throw-away test data: durability off, nothing persisted.</param>
/// <param name="Log">Receives the server's output lines (null: keep them in the log files only).</param>
public sealed record ServerContext(string Owner, string Resource, string Directory, bool Ephemeral, Action<string>? Log = null)
{
    public IReadOnlyDictionary<string, string> MarkerEnvironment => new Dictionary<string, string>
    {
        [Processes.ProcessOwnership.OwnerVariable] = Owner,
        [Processes.ProcessOwnership.ResourceVariable] = $"{Owner}/{Resource}",
    };
}
