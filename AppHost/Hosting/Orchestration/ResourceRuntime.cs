namespace Tinjau.AppHost.Hosting;

/// <summary>Live state of one resource; changes are reported to the registry.</summary>
public sealed class ResourceRuntime(IResource resource, Action<ResourceRuntime> changed)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _state = ResourceStates.Waiting;
    private string? _url;
    private int? _pid;
    private int _restarts;
    private string? _detail;

    public IResource Resource { get; } = resource;

    /// <summary>What referencing projects get as <c>ConnectionStrings__{name}</c> (servers and databases).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Completes the first time the resource is healthy; faults if it cannot start.</summary>
    public Task Healthy => _healthy.Task;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public string? Url
    {
        get
        {
            lock (_gate)
            {
                return _url;
            }
        }

        set
        {
            lock (_gate)
            {
                _url = value;
            }
        }
    }

    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ResourceSnapshot(Resource.Name, Resource.Type, _state, _url, _pid, _restarts, _detail);
        }
    }

    public void Set(string state, int? pid = null, string? detail = null, bool countRestart = false)
    {
        lock (_gate)
        {
            _state = state;
            _pid = pid;
            _detail = detail;
            if (countRestart)
            {
                _restarts++;
            }
        }

        if (state is ResourceStates.Healthy or ResourceStates.External)
        {
            _healthy.TrySetResult();
        }

        changed(this);
    }

    public void Fail(Exception error)
    {
        Set(ResourceStates.FailedToStart, detail: error.Message);
        _healthy.TrySetException(error);
    }
}
