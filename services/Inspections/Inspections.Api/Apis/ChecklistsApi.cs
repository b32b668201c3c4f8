using System.ComponentModel.DataAnnotations;

namespace Tinjau.Inspections.Api.Apis;

public sealed record ChecklistView(Guid Id, string Code, int Version, string Title, IReadOnlyList<ChecklistItem> Items, DateTimeOffset CreatedAt)
{
    public static ChecklistView From(ChecklistTemplate t) => new(t.Id, t.Code, t.Version, t.Title, t.Items, t.CreatedAt);
}

/// <summary>A new version of a checklist: the latest version's items, minus <c>remove</c>, plus <c>add</c>.</summary>
public sealed record NewChecklistVersionRequest([property: StringLength(300)] string? Title, List<ChecklistItemRequest>? Add, List<string>? Remove);

/// <summary><c>text</c> in Indonesian; <c>textEn</c> an optional English translation.</summary>
public sealed record ChecklistItemRequest([property: Required, StringLength(100)] string? Code, [property: Required, StringLength(500)] string? Text,
    [property: StringLength(500)] string? TextEn = null);

public static class ChecklistsApi
{
    public static RouteGroupBuilder MapChecklistsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections/checklists").WithTags("Checklists").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", ListChecklists).WithSummary("The latest version of each checklist");
        api.MapGet("/{code}/versions/{version:int}", GetVersion).WithSummary("One version of a checklist")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/{code}/versions", AddVersion).WithSummary("Publish a new version of a checklist (satgas, admin)")
            .RequireSatgas("Only the satgas or an admin publishes checklists.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Ok<List<ChecklistView>>> ListChecklists(ChecklistOperations checklists, CancellationToken ct) =>
        TypedResults.Ok(await checklists.LatestAsync(ct));

    public static async Task<Results<Ok<ChecklistView>, ProblemHttpResult>> GetVersion(string code, int version, ChecklistOperations checklists,
        CancellationToken ct) =>
        (await checklists.VersionAsync(code, version, ct)).Ok();

    public static async Task<Results<Created<ChecklistView>, ValidationProblem, ProblemHttpResult>> AddVersion(string code,
        NewChecklistVersionRequest request, ChecklistOperations checklists, CancellationToken ct) =>
        (await checklists.AddVersionAsync(code, request, ct)).Created(v => $"/api/inspections/checklists/{code}/versions/{v.Version}");
}
