namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>A unit's service catalogue (each service with its standar pelayanan) and its maklumat pelayanan.</summary>
public sealed class CatalogueOperations(UnitRegistryDbContext db, UnitCache cache, TimeProvider clock)
{
    public async Task<Outcome<CatalogueResponse>> GetCatalogueAsync(Guid id, CancellationToken ct) =>
        Outcome<CatalogueResponse>.Found(await cache.GetOrCreateAsync($"catalogue:{id}", async token =>
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token);
            if (unit is null)
            {
                return null;
            }
            var services = await db.Services.AsNoTracking().Where(s => s.UnitId == id).OrderBy(s => s.Name).ToListAsync(token);
            return new CatalogueResponse(unit.Id, unit.Code, unit.Maklumat is { } m ? MaklumatDto.From(m) : null,
                services.Select(ServiceResponse.From).ToList());
        }, ct), Refusal.NoUnit(id));

    public async Task<Outcome<ServiceResponse>> GetServiceAsync(Guid id, Guid serviceId, CancellationToken ct) =>
        await db.Services.AsNoTracking().FirstOrDefaultAsync(x => x.Id == serviceId && x.UnitId == id, ct) is { } s
            ? ServiceResponse.From(s)
            : NoService(id, serviceId);

    public async Task<Outcome<ServiceResponse>> AddAsync(Guid id, ServiceRequest request, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Refusal.NoUnit(id);
        }
        var (standard, name, refused) = await CheckAsync(id, null, request, ct);
        if (refused is not null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var service = ServiceOffering.Create(Guid.CreateVersion7(now), id, name!, request.Description, standard!, request.IsOnline, now);
        db.Services.Add(service);
        if (await db.SaveNewAsync(NameTaken(name!), ct) is { } conflict)
        {
            return conflict;
        }
        await cache.InvalidateAsync();
        return Outcome<ServiceResponse>.Created(ServiceResponse.From(service));
    }

    public async Task<Outcome<ServiceResponse>> UpdateAsync(Guid id, Guid serviceId, ServiceRequest request, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId && s.UnitId == id, ct);
        if (service is null)
        {
            return NoService(id, serviceId);
        }
        var (standard, name, refused) = await CheckAsync(id, serviceId, request, ct);
        if (refused is not null)
        {
            return refused;
        }
        service.Update(name!, request.Description, standard!, request.IsOnline, clock.GetUtcNow());
        await db.SaveAndInvalidateAsync(cache, ct);
        return ServiceResponse.From(service);
    }

    /// <summary>Null when the service is gone.</summary>
    public async Task<Refusal?> RemoveAsync(Guid id, Guid serviceId, CancellationToken ct)
    {
        if (await db.Services.Where(s => s.Id == serviceId && s.UnitId == id).ExecuteDeleteAsync(ct) == 0)
        {
            return NoService(id, serviceId);
        }
        await cache.InvalidateAsync();
        return null;
    }

    public async Task<Outcome<MaklumatDto>> PutMaklumatAsync(Guid id, MaklumatDto request, CancellationToken ct)
    {
        var (unit, missing) = await db.FindUnitAsync(id, ct);
        if (unit is null)
        {
            return missing!;
        }
        var errors = new FieldErrors().Check(request);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var m = new MaklumatPelayanan(request.Text!.Trim(), request.DeclaredOn!.Value, request.DeclaredBy?.Trim());
        unit.DeclareMaklumat(m, clock.GetUtcNow());
        await db.SaveAndInvalidateAsync(cache, ct);
        return MaklumatDto.From(m);
    }

    private static Refusal NoService(Guid id, Guid serviceId) => Refusal.NotFound($"Unit {id} has no service {serviceId}.");

    private static string NameTaken(string name) => $"The unit already has a service named '{name}'.";

    /// <summary>The request's standard and trimmed name, or why not: field errors, or the name taken by another service of the unit.</summary>
    private async Task<(ServiceStandard? Standard, string? Name, Refusal? Refused)> CheckAsync(Guid id, Guid? serviceId, ServiceRequest request,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Validate(request, errors) is not { } standard)
        {
            return (null, null, Refusal.Invalid(errors));
        }
        var name = request.Name!.Trim();
        var sameName = db.Services.Where(s => s.UnitId == id && s.Name == name);
        if (serviceId is { } own)
        {
            sameName = sameName.Where(s => s.Id != own);
        }
        if (await sameName.AnyAsync(ct))
        {
            return (null, null, Refusal.Conflict(NameTaken(name)));
        }
        return (standard, name, null);
    }

    private static ServiceStandard? Validate(ServiceRequest r, FieldErrors errors)
    {
        errors.Check(r);
        var s = r.Standard;
        if (s is null)
        {
            errors.Add("standard", "required: requirements, procedure, time, cost, product, complaintHandling");
            return null;
        }
        if (s.Requirements is not { Count: > 0 } || s.Requirements.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("standard.requirements", "at least one requirement (persyaratan), none empty");
        }
        return errors.Any
            ? null
            : new ServiceStandard(s.Requirements!.Select(x => x.Trim()).ToArray(), s.Procedure!.Trim(), s.Time!.Trim(), s.TimeLimitWorkingDays,
                s.Cost!.Trim(), s.Product!.Trim(), s.ComplaintHandling!.Trim());
    }
}
