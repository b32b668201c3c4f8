using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>The six published components of the standar pelayanan; as a request, each hint says what the field holds.</summary>
public sealed record ServiceStandardDto(
    List<string>? Requirements,
    [property: Required(ErrorMessage = "required (sistem, mekanisme dan prosedur)"), StringLength(4000)] string? Procedure,
    [property: Required(ErrorMessage = "required (jangka waktu penyelesaian, e.g. 3 hari kerja)"), StringLength(4000)] string? Time,
    [property: Range(0, 365)] int? TimeLimitWorkingDays,
    [property: Required(ErrorMessage = "required (biaya/tarif, e.g. Gratis)"), StringLength(4000)] string? Cost,
    [property: Required(ErrorMessage = "required (produk pelayanan)"), StringLength(4000)] string? Product,
    [property: Required(ErrorMessage = "required (penanganan pengaduan, saran dan masukan)"), StringLength(4000)] string? ComplaintHandling);

public sealed record ServiceRequest([property: Required, StringLength(200)] string? Name, [property: StringLength(2000)] string? Description, bool IsOnline, ServiceStandardDto? Standard);

public sealed record ServiceResponse(Guid Id, Guid UnitId, string Name, string? Description, bool IsOnline, ServiceStandardDto Standard, DateTimeOffset UpdatedAt)
{
    public static ServiceResponse From(ServiceOffering s) => new(s.Id, s.UnitId, s.Name, s.Description, s.IsOnline,
        new ServiceStandardDto(s.Standard.Requirements.ToList(), s.Standard.Procedure, s.Standard.Time, s.Standard.TimeLimitWorkingDays,
            s.Standard.Cost, s.Standard.Product, s.Standard.ComplaintHandling), s.UpdatedAt);
}

public sealed record MaklumatDto([property: Required, StringLength(4000)] string? Text, [property: Required] DateOnly? DeclaredOn,
    [property: StringLength(200)] string? DeclaredBy)
{
    public static MaklumatDto From(MaklumatPelayanan m) => new(m.Text, m.DeclaredOn, m.DeclaredBy);
}

public sealed record CatalogueResponse(Guid UnitId, string UnitCode, MaklumatDto? Maklumat, List<ServiceResponse> Services);

/// <summary>A unit's service catalogue and maklumat; what they do is in <see cref="CatalogueOperations"/>.</summary>
public static class ServiceCatalogueApi
{
    public static void MapServiceCatalogueApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        const int notFound = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;
        var r = reads.MapGroup("/units/{id:guid}").WithTags("Service catalogue");
        r.MapGet("/services", GetCatalogue).WithSummary("A unit's service catalogue with each service's standard, and its maklumat pelayanan")
            .ProducesProblems(notFound);
        r.MapGet("/services/{serviceId:guid}", GetService).WithSummary("One service of a unit").ProducesProblems(notFound);

        var w = writes.MapGroup("/units/{id:guid}").WithTags("Service catalogue");
        w.MapPost("/services", AddService).WithSummary("Add a service with its standard (requirements, procedure, time, cost, product, complaint handling)")
            .ProducesProblems(notFound, conflict);
        w.MapPut("/services/{serviceId:guid}", UpdateService).WithSummary("Replace a service").ProducesProblems(notFound, conflict);
        w.MapDelete("/services/{serviceId:guid}", RemoveService).WithSummary("Remove a service from the catalogue").ProducesProblems(notFound);
        w.MapPut("/maklumat", PutMaklumat).WithSummary("Set the unit's maklumat pelayanan").ProducesProblems(notFound);
    }

    public static async Task<Results<Ok<CatalogueResponse>, ProblemHttpResult>> GetCatalogue(Guid id, CatalogueOperations catalogue, CancellationToken ct) =>
        (await catalogue.GetCatalogueAsync(id, ct)).Ok();

    public static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetService(Guid id, Guid serviceId, CatalogueOperations catalogue,
        CancellationToken ct) =>
        (await catalogue.GetServiceAsync(id, serviceId, ct)).Ok();

    public static async Task<Results<Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> AddService(Guid id, ServiceRequest request,
        CatalogueOperations catalogue, CancellationToken ct) =>
        (await catalogue.AddAsync(id, request, ct)).Created(s => $"/api/units/{id}/services/{s.Id}");

    public static async Task<Results<Ok<ServiceResponse>, ValidationProblem, ProblemHttpResult>> UpdateService(Guid id, Guid serviceId,
        ServiceRequest request, CatalogueOperations catalogue, CancellationToken ct) =>
        (await catalogue.UpdateAsync(id, serviceId, request, ct)).OkOrInvalid();

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveService(Guid id, Guid serviceId, CatalogueOperations catalogue,
        CancellationToken ct) =>
        (await catalogue.RemoveAsync(id, serviceId, ct)).NoContent();

    public static async Task<Results<Ok<MaklumatDto>, ValidationProblem, ProblemHttpResult>> PutMaklumat(Guid id, MaklumatDto request,
        CatalogueOperations catalogue, CancellationToken ct) =>
        (await catalogue.PutMaklumatAsync(id, request, ct)).OkOrInvalid();
}
