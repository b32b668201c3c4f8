using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>The unit directory and its hierarchy; reads in <see cref="UnitReads"/>, changes in <see cref="UnitOperations"/>.</summary>
public static class UnitsApi
{
    public const string LocateRule =
        "Nearest centroid: among active kelurahan with a centroid, the one whose centroid is nearest to the point " +
        "(great-circle distance) is returned, if that distance is at most MaxDistanceKm (default 3 km); otherwise 404.";

    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;

    public static void MapUnitsApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var units = reads.MapGroup("/units").WithTags("Units");
        units.MapGet("/", ListUnits).WithSummary("List units, filtered by type, parent, text (q, on name or code prefix) and active, paged");
        units.MapGet("/{id:guid}", GetUnit).WithSummary("Get a unit").ProducesProblems(NotFound);
        units.MapGet("/by-code/{code}", GetByCode).WithSummary("Get a unit by its code (e.g. 31.71.01)").ProducesProblems(NotFound);
        units.MapGet("/{id:guid}/children", GetChildren).WithSummary("The direct children of a unit, by code").ProducesProblems(NotFound);
        units.MapGet("/{id:guid}/ancestors", GetAncestors).WithSummary("The ancestors of a unit, from the root down to its parent")
            .ProducesProblems(NotFound);
        units.MapGet("/{id:guid}/subtree", GetSubtree).WithSummary("A unit and everything below it, with depth (0 = the unit)")
            .ProducesProblems(NotFound);
        units.MapGet("/locate", Locate).WithSummary("Which kelurahan contains a point").WithDescription(LocateRule).ProducesProblems(NotFound);
        units.MapGet("/{id:guid}/directory-entry", GetDirectoryEntry)
            .WithSummary("The directory read model of a unit, maintained by the UnitRegistered consumer (404 until projected)")
            .ProducesProblems(NotFound);

        units.MapGet("/{id:guid}/complaint-stats", GetComplaintStats)
            .WithSummary("The unit's live complaint figures, kept from the Complaints service's events (zeros until one arrives)")
            .ProducesProblems(NotFound);

        units.MapGet("/{id:guid}/evaluation-results", GetEvaluationResults)
            .WithSummary("The unit's finalised PEKPPP results per period (IPP and category), newest first, kept from the Evaluations service's events")
            .ProducesProblems(NotFound);

        var unitWrites = writes.MapGroup("/units").WithTags("Units");
        unitWrites.MapPost("/", CreateUnit).WithSummary("Register a unit (publishes UnitRegistered)").ProducesProblems(Conflict);
        unitWrites.MapPut("/{id:guid}", UpdateUnit).WithSummary("Update a unit's registry data (publishes UnitUpdated)")
            .ProducesProblems(NotFound, Conflict);
        unitWrites.MapPost("/{id:guid}/deactivate", DeactivateUnit).WithSummary("Deactivate a unit without active children (publishes UnitDeactivated)")
            .ProducesProblems(NotFound, Conflict);
        unitWrites.MapPost("/{id:guid}/activate", ActivateUnit).WithSummary("Re-activate a unit (publishes UnitUpdated)")
            .ProducesProblems(NotFound, Conflict);
    }

    public static async Task<Results<Ok<UnitPage>, ValidationProblem>> ListUnits(UnitReads units,
        string? type, Guid? parentId, string? q, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        (await units.ListAsync(type, parentId, q, active, page, pageSize, ct)).OkOrValidation();

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnit(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.GetAsync(id, ct)).Ok();

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetByCode(string code, UnitReads units, CancellationToken ct) =>
        (await units.GetByCodeAsync(code, ct)).Ok();

    public static async Task<Results<Ok<List<UnitResponse>>, ProblemHttpResult>> GetChildren(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.ChildrenAsync(id, ct)).Ok();

    public static async Task<Results<Ok<List<UnitResponse>>, ProblemHttpResult>> GetAncestors(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.AncestorsAsync(id, ct)).Ok();

    public static async Task<Results<Ok<List<SubtreeItem>>, ProblemHttpResult>> GetSubtree(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.SubtreeAsync(id, ct)).Ok();

    public static async Task<Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult>> Locate(double? lat, double? lon,
        UnitReads units, CancellationToken ct) =>
        (await units.LocateAsync(lat, lon, ct)).OkOrInvalid();

    public static async Task<Results<Ok<DirectoryEntryResponse>, ProblemHttpResult>> GetDirectoryEntry(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.DirectoryEntryAsync(id, ct)).Ok();

    public static async Task<Results<Ok<ComplaintStatsResponse>, ProblemHttpResult>> GetComplaintStats(Guid id, UnitReads units, CancellationToken ct) =>
        (await units.ComplaintStatsAsync(id, ct)).Ok();

    public static async Task<Results<Ok<List<EvaluationResultResponse>>, ProblemHttpResult>> GetEvaluationResults(Guid id, UnitReads units,
        CancellationToken ct) =>
        (await units.EvaluationResultsAsync(id, ct)).Ok();

    public static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateUnit(UnitRequest request,
        UnitOperations units, CancellationToken ct) =>
        (await units.CreateAsync(request, ct)).Created(u => $"/api/units/{u.Id}");

    public static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> UpdateUnit(Guid id, UnitRequest request,
        UnitOperations units, CancellationToken ct) =>
        (await units.UpdateAsync(id, request, ct)).OkOrInvalid();

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> DeactivateUnit(Guid id, UnitOperations units, CancellationToken ct) =>
        (await units.DeactivateAsync(id, ct)).Ok();

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> ActivateUnit(Guid id, UnitOperations units, CancellationToken ct) =>
        (await units.ActivateAsync(id, ct)).Ok();
}
