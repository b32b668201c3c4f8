using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Api.IntegrationEvents;

/// <summary>Builds the integration events of a unit (no personal data: no head, no contacts).</summary>
public static class UnitEventFactory
{
    public static UnitRegistered Registered(Unit u, DateTimeOffset at) =>
        new(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.TimeZoneId, u.Latitude, u.Longitude, u.IsActive, at);

    public static UnitUpdated Updated(Unit u, DateTimeOffset at) =>
        new(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.TimeZoneId, u.Latitude, u.Longitude, u.IsActive, at);

    public static UnitDeactivated Deactivated(Unit u, DateTimeOffset at) =>
        new(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.TimeZoneId, u.Latitude, u.Longitude, at);
}
