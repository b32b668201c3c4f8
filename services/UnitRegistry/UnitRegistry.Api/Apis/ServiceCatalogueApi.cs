using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Api.Infrastructure;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>The six published components of the standar pelayanan.</summary>
public sealed record ServiceStandardDto(List<string>? Requirements, string? Procedure, string? Time, int? TimeLimitWorkingDays,
    string? Cost, string? Product, string? ComplaintHandling);

public sealed record ServiceRequest(string? Name, string? Description, bool IsOnline, ServiceStandardDto? Standard);

public sealed record ServiceResponse(Guid Id, Guid UnitId, string Name, string? Description, bool IsOnline, ServiceStandardDto Standard, DateTimeOffset UpdatedAt)
{
    public static ServiceResponse From(ServiceOffering s) => new(s.Id, s.UnitId, s.Name, s.Description, s.IsOnline,
        new ServiceStandardDto(s.Standard.Requirements.ToList(), s.Standard.Procedure, s.Standard.Time, s.Standard.TimeLimitWorkingDays,
            s.Standard.Cost, s.Standard.Product, s.Standard.ComplaintHandling), s.UpdatedAt);
}

public sealed record MaklumatDto(string? Text, DateOnly? DeclaredOn, string? DeclaredBy);

public sealed record CatalogueResponse(Guid UnitId, string UnitCode, MaklumatDto? Maklumat, List<ServiceResponse> Services);

public static class ServiceCatalogueApi
{
    public static void MapServiceCatalogueApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var r = reads.MapGroup("/units/{id:guid}").WithTags("Service catalogue");
        r.MapGet("/services", GetCatalogue).WithSummary("A unit's service catalogue with each service's standard, and its maklumat pelayanan");
        r.MapGet("/services/{serviceId:guid}", GetService).WithSummary("One service of a unit");

        var w = writes.MapGroup("/units/{id:guid}").WithTags("Service catalogue");
        w.MapPost("/services", AddService).WithSummary("Add a service with its standard (requirements, procedure, time, cost, product, complaint handling)");
        w.MapPut("/services/{serviceId:guid}", UpdateService).WithSummary("Replace a service");
        w.MapDelete("/services/{serviceId:guid}", RemoveService).WithSummary("Remove a service from the catalogue");
        w.MapPut("/maklumat", PutMaklumat).WithSummary("Set the unit's maklumat pelayanan");
    }

    public static async Task<Results<Ok<CatalogueResponse>, ProblemHttpResult>> GetCatalogue(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var result = await cache.GetOrCreateAsync($"catalogue:{id}", async token =>
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token);
            if (unit is null)
            {
                return null;
            }
            var services = await db.Services.AsNoTracking().Where(s => s.UnitId == id).OrderBy(s => s.Name).ToListAsync(token);
            return new CatalogueResponse(unit.Id, unit.Code,
                unit.Maklumat is { } m ? new MaklumatDto(m.Text, m.DeclaredOn, m.DeclaredBy) : null,
                services.Select(ServiceResponse.From).ToList());
        }, ct);
        return result is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetService(Guid id, Guid serviceId, UnitRegistryDbContext db, CancellationToken ct)
    {
        var s = await db.Services.AsNoTracking().FirstOrDefaultAsync(x => x.Id == serviceId && x.UnitId == id, ct);
        return s is null ? Problems.NotFound($"Unit {id} has no service {serviceId}.") : TypedResults.Ok(ServiceResponse.From(s));
    }

    public static async Task<Results<Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> AddService(Guid id, ServiceRequest request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var errors = new FieldErrors();
        var standard = Validate(request, errors);
        if (standard is null)
        {
            return errors.ToProblem();
        }
        var name = request.Name!.Trim();
        if (await db.Services.AnyAsync(s => s.UnitId == id && s.Name == name, ct))
        {
            return Problems.Conflict($"The unit already has a service named '{name}'.");
        }
        var now = clock.GetUtcNow();
        var service = ServiceOffering.Create(Guid.CreateVersion7(now), id, name, request.Description, standard, request.IsOnline, now);
        db.Services.Add(service);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict($"The unit already has a service named '{name}'.");
        }
        await cache.InvalidateAsync();
        return TypedResults.Created($"/api/units/{id}/services/{service.Id}", ServiceResponse.From(service));
    }

    public static async Task<Results<Ok<ServiceResponse>, ValidationProblem, ProblemHttpResult>> UpdateService(Guid id, Guid serviceId, ServiceRequest request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId && s.UnitId == id, ct);
        if (service is null)
        {
            return Problems.NotFound($"Unit {id} has no service {serviceId}.");
        }
        var errors = new FieldErrors();
        var standard = Validate(request, errors);
        if (standard is null)
        {
            return errors.ToProblem();
        }
        var name = request.Name!.Trim();
        if (await db.Services.AnyAsync(s => s.UnitId == id && s.Name == name && s.Id != serviceId, ct))
        {
            return Problems.Conflict($"The unit already has a service named '{name}'.");
        }
        service.Update(name, request.Description, standard, request.IsOnline, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(ServiceResponse.From(service));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveService(Guid id, Guid serviceId, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var deleted = await db.Services.Where(s => s.Id == serviceId && s.UnitId == id).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return Problems.NotFound($"Unit {id} has no service {serviceId}.");
        }
        await cache.InvalidateAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MaklumatDto>, ValidationProblem, ProblemHttpResult>> PutMaklumat(Guid id, MaklumatDto request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
        {
            errors.Add("text", "required, at most 4000 characters");
        }
        if (request.DeclaredOn is null)
        {
            errors.Add("declaredOn", "required (yyyy-MM-dd)");
        }
        if (request.DeclaredBy is { Length: > 200 })
        {
            errors.Add("declaredBy", "at most 200 characters");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var m = new MaklumatPelayanan(request.Text!.Trim(), request.DeclaredOn!.Value, request.DeclaredBy?.Trim());
        unit.DeclareMaklumat(m, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(new MaklumatDto(m.Text, m.DeclaredOn, m.DeclaredBy));
    }

    private static ServiceStandard? Validate(ServiceRequest r, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
        {
            errors.Add("name", "required, at most 200 characters");
        }
        if (r.Description is { Length: > 2000 })
        {
            errors.Add("description", "at most 2000 characters");
        }
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
        void Required(string? value, string field, string hint)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"standard.{field}", $"required ({hint})");
            }
            else if (value.Length > 4000)
            {
                errors.Add($"standard.{field}", "at most 4000 characters");
            }
        }
        Required(s.Procedure, "procedure", "sistem, mekanisme dan prosedur");
        Required(s.Time, "time", "jangka waktu penyelesaian, e.g. 3 hari kerja");
        Required(s.Cost, "cost", "biaya/tarif, e.g. Gratis");
        Required(s.Product, "product", "produk pelayanan");
        Required(s.ComplaintHandling, "complaintHandling", "penanganan pengaduan, saran dan masukan");
        if (s.TimeLimitWorkingDays is < 0 or > 365)
        {
            errors.Add("standard.timeLimitWorkingDays", "between 0 and 365");
        }
        return errors.Any
            ? null
            : new ServiceStandard(s.Requirements!.Select(x => x.Trim()).ToArray(), s.Procedure!.Trim(), s.Time!.Trim(), s.TimeLimitWorkingDays,
                s.Cost!.Trim(), s.Product!.Trim(), s.ComplaintHandling!.Trim());
    }
}
