using MassTransit;

namespace Tinjau.Complaints.Api.IntegrationEvents;

/// <summary>
/// Keeps <see cref="KelurahanSnapshot"/> current from the registry's unit events. The copy lives in each process, so
/// each process has a queue of its own (temporary, named after the instance) and every instance sees every event;
/// an event older than what the copy holds changes nothing, so redelivery and reordering are harmless.
/// </summary>
public sealed class KelurahanSnapshotConsumer(KelurahanSnapshot snapshot) :
    IConsumer<UnitRegistered>, IConsumer<UnitUpdated>, IConsumer<UnitDeactivated>
{
    public Task Consume(ConsumeContext<UnitRegistered> context)
    {
        var e = context.Message;
        snapshot.Apply(e.UnitId, e.IsActive ? Info(e.UnitId, e.Code, e.Name, e.Type, e.ParentId, e.TimeZone, e.Latitude, e.Longitude) : null, e.OccurredAt);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<UnitUpdated> context)
    {
        var e = context.Message;
        snapshot.Apply(e.UnitId, e.IsActive ? Info(e.UnitId, e.Code, e.Name, e.Type, e.ParentId, e.TimeZone, e.Latitude, e.Longitude) : null, e.OccurredAt);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<UnitDeactivated> context)
    {
        snapshot.Apply(context.Message.UnitId, null, context.Message.OccurredAt);
        return Task.CompletedTask;
    }

    private static UnitInfo Info(Guid id, string code, string name, string type, Guid? parentId, string timeZone, double? lat, double? lon) =>
        new(id, code, name, type, parentId, timeZone, lat, lon);
}
