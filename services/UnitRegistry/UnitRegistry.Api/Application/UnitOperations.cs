namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>
/// Registering and changing units: the request is validated (<see cref="UnitInput"/>), the hierarchy rules are checked
/// against the parent and children, the <see cref="Unit"/> changes itself (and raises its events), then the change is
/// saved and every cached read dropped.
/// </summary>
public sealed class UnitOperations(UnitRegistryDbContext db, UnitCache cache, TimeProvider clock)
{
    public async Task<Outcome<UnitResponse>> CreateAsync(UnitRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("code", "required");
        }
        else if (!UnitCodes.IsWellFormed(code))
        {
            errors.Add("code", "dotted Kemendagri-style code: two digits, then up to four segments of digits or capital letters (e.g. 31.71.01.1001, 31.71.PTSP)");
        }
        var input = UnitInput.Validate(request, errors);
        var parent = await LoadParentAsync(request.ParentId, errors, ct);
        if (!errors.Any)
        {
            CheckHierarchy(code!, input!.Type, parent, errors);
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var exists = $"A unit with code {code} already exists.";
        if (await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            return Refusal.Conflict(exists);
        }

        var now = clock.GetUtcNow();
        var unit = Unit.Register(Guid.CreateVersion7(now), code!, input!.Name, input.Type, parent?.Id, input.Address, input.Location,
            input.TimeZoneId, input.Contacts, input.Head, null, now);
        db.Units.Add(unit);
        if (await db.SaveNewAsync(exists, ct) is { } conflict)
        {
            return conflict;
        }
        await cache.InvalidateAsync();
        return Outcome<UnitResponse>.Created(UnitResponse.From(unit));
    }

    public async Task<Outcome<UnitResponse>> UpdateAsync(Guid id, UnitRequest request, CancellationToken ct)
    {
        var (unit, missing) = await db.FindUnitAsync(id, ct);
        if (unit is null)
        {
            return missing!;
        }
        var errors = new FieldErrors();
        if (request.Code is { } c && !string.Equals(c.Trim(), unit.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("code", "the code of a unit cannot be changed; leave it out or send the current code");
        }
        var input = UnitInput.Validate(request, errors);
        if (request.ParentId == id)
        {
            return Refusal.Conflict("A unit cannot be its own parent.");
        }
        var parent = await LoadParentAsync(request.ParentId, errors, ct);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        if (parent is not null && request.ParentId != unit.ParentId)
        {
            var ancestors = await db.AncestorsAsync(parent.Id, ct);
            if (UnitHierarchyRules.WouldCreateCycle(id, parent.Id, ancestors.Select(a => a.Id)))
            {
                return Refusal.Conflict($"Making {parent.Code} the parent of {unit.Code} would create a cycle: {parent.Code} is below {unit.Code}.");
            }
        }
        CheckHierarchy(unit.Code, input!.Type, parent, errors);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        if (input.Type != unit.Type)
        {
            var me = new UnitHierarchyRules.ParentInfo(unit.Id, unit.Code, input.Type);
            var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).ToListAsync(ct);
            var broken = children.FirstOrDefault(ch => UnitHierarchyRules.Check(ch.Code, ch.Type, me).ContainsKey("parentId"));
            if (broken is not null)
            {
                return Refusal.Conflict($"Unit {unit.Code} cannot become a {input.Type.ToName()}: its child {broken.Code} ({broken.Type.ToName()}) could not stay under it.");
            }
        }

        unit.Update(input.Name, input.Type, parent?.Id, input.Address, input.Location, input.TimeZoneId, input.Contacts, input.Head, clock.GetUtcNow());
        await db.SaveAndInvalidateAsync(cache, ct);
        return UnitResponse.From(unit);
    }

    public Task<Outcome<UnitResponse>> DeactivateAsync(Guid id, CancellationToken ct) =>
        ChangeActivationAsync(id, async unit =>
            await db.Units.Where(u => u.ParentId == id && u.IsActive).Select(u => u.Code).FirstOrDefaultAsync(ct) is { } activeChild
                ? $"Unit {unit.Code} still has active children (e.g. {activeChild}); deactivate them first."
                : null,
            (unit, now) => unit.Deactivate(now), ct);

    public Task<Outcome<UnitResponse>> ActivateAsync(Guid id, CancellationToken ct) =>
        ChangeActivationAsync(id, async unit =>
            unit.ParentId is { } pid && !await db.Units.AnyAsync(u => u.Id == pid && u.IsActive, ct)
                ? $"The parent of {unit.Code} is inactive; activate it first."
                : null,
            (unit, now) => unit.Activate(now), ct);

    /// <summary>Loads the unit, asks <paramref name="blocker"/> what stops the change (a conflict), changes it, saves.</summary>
    private async Task<Outcome<UnitResponse>> ChangeActivationAsync(Guid id, Func<Unit, Task<string?>> blocker, Action<Unit, DateTimeOffset> change,
        CancellationToken ct)
    {
        var (unit, missing) = await db.FindUnitAsync(id, ct);
        if (unit is null)
        {
            return missing!;
        }
        if (await blocker(unit) is { } conflict)
        {
            return Refusal.Conflict(conflict);
        }
        try
        {
            change(unit, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Refusal.Conflict(ex.Message);
        }
        await db.SaveAndInvalidateAsync(cache, ct);
        return UnitResponse.From(unit);
    }

    private static void CheckHierarchy(string code, UnitType type, UnitHierarchyRules.ParentInfo? parent, FieldErrors errors)
    {
        foreach (var (field, message) in UnitHierarchyRules.Check(code, type, parent))
        {
            errors.Add(field, message);
        }
    }

    private async Task<UnitHierarchyRules.ParentInfo?> LoadParentAsync(Guid? parentId, FieldErrors errors, CancellationToken ct)
    {
        if (parentId is not { } pid)
        {
            return null;
        }
        var parent = await db.Units.AsNoTracking().Where(u => u.Id == pid)
            .Select(u => new { u.Id, u.Code, u.Type, u.IsActive }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            errors.Add("parentId", $"there is no unit {pid}");
            return null;
        }
        if (!parent.IsActive)
        {
            errors.Add("parentId", $"the parent {parent.Code} is inactive");
        }
        return new UnitHierarchyRules.ParentInfo(parent.Id, parent.Code, parent.Type);
    }
}
