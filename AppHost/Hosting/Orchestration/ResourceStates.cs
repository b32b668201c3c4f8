namespace Tinjau.AppHost.Hosting;

public static class ResourceStates
{
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Healthy = "Healthy";
    public const string Exited = "Exited";
    public const string Restarting = "Restarting";
    public const string FailedToStart = "FailedToStart";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";

    /// <summary>Not launched: an existing server from <c>ConnectionStrings:{name}</c>.</summary>
    public const string External = "External";
}

/// <summary>What the resource table and GET /api/resources show.</summary>
public sealed record ResourceSnapshot(string Name, string Type, string State, string? Url, int? Pid, int Restarts, string? Detail);
