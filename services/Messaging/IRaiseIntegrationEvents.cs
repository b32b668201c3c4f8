namespace Tinjau.Messaging;

/// <summary>
/// An aggregate that raises integration events as its state changes. When the DbContext saves, the outbox
/// interceptor moves every tracked aggregate's events into outbox rows of the same transaction; the aggregate then
/// holds none. This is the one way a service publishes: the domain raises, SaveChanges writes, the dispatcher sends.
/// </summary>
public interface IRaiseIntegrationEvents
{
    /// <summary>The events raised since the last save, in the order they were raised.</summary>
    IEnumerable<object> IntegrationEvents { get; }

    /// <summary>Called once the events are in the outbox.</summary>
    void ClearIntegrationEvents();
}

/// <summary>A base for aggregates whose events are the integration events themselves.</summary>
public abstract class RaisesIntegrationEvents : IRaiseIntegrationEvents
{
    private readonly List<object> _events = [];

    IEnumerable<object> IRaiseIntegrationEvents.IntegrationEvents => _events;

    void IRaiseIntegrationEvents.ClearIntegrationEvents() => _events.Clear();

    /// <summary>Raises <paramref name="evt"/>: it is published once the change that raised it is saved.</summary>
    protected void Raise(object evt) => _events.Add(evt);
}
