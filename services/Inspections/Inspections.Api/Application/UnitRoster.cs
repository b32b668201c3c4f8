namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// A unit's roster as the satgas know it: the officers earlier visits recorded (by staff number, else by name), for
/// the attendance list of the next visit. Per-officer data, so only for those <see cref="InspectionsScope.SeesOfficersAsync"/> allows.
/// </summary>
public sealed class UnitRoster(InspectionsDb db, InspectionsScope scope)
{
    public async Task<Outcome<List<RosterOfficer>>> ForUnitAsync(Guid unitId, CancellationToken ct)
    {
        if (!await scope.SeesOfficersAsync(unitId, ct))
        {
            return Refusal.Forbidden("A unit's officers are for the satgas, leadership and the head of the unit.");
        }
        var officers = await db.Officers.AsNoTracking().Where(o => o.UnitId == unitId)
            .Select(o => new RosterOfficer(o.Id, o.Name, o.StaffNumber, o.Position)).ToListAsync(ct);
        return officers.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
    }
}
