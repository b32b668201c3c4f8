using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Domain;

namespace Tinjau.Inspections.Api.Apis;

public sealed record ChecklistView(Guid Id, string Code, int Version, string Title, IReadOnlyList<ChecklistItem> Items, DateTimeOffset CreatedAt)
{
    public static ChecklistView From(ChecklistTemplate t) => new(t.Id, t.Code, t.Version, t.Title, t.Items, t.CreatedAt);
}

/// <summary>A new version of a checklist: the latest version's items, minus <c>remove</c>, plus <c>add</c>.</summary>
public sealed record NewChecklistVersionRequest(string? Title, List<ChecklistItemRequest>? Add, List<string>? Remove);

/// <summary><c>text</c> in Indonesian; <c>textEn</c> an optional English translation.</summary>
public sealed record ChecklistItemRequest(string? Code, string? Text, string? TextEn = null);

public static class ChecklistsApi
{
    public static RouteGroupBuilder MapChecklistsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections/checklists").WithTags("Checklists").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", ListChecklists).WithSummary("The latest version of each checklist");
        api.MapGet("/{code}/versions/{version:int}", GetVersion).WithSummary("One version of a checklist");
        api.MapPost("/{code}/versions", AddVersion).WithSummary("Publish a new version of a checklist (satgas, admin)");
        return api;
    }

    public static async Task<Ok<List<ChecklistView>>> ListChecklists(InspectionsDb db, CancellationToken ct)
    {
        var all = await db.ChecklistTemplates.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(all.GroupBy(t => t.Code).Select(g => ChecklistView.From(g.MaxBy(t => t.Version)!)).OrderBy(v => v.Code).ToList());
    }

    public static async Task<Results<Ok<ChecklistView>, ProblemHttpResult>> GetVersion(string code, int version, InspectionsDb db, CancellationToken ct) =>
        await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.Version == version, ct) is { } t
            ? TypedResults.Ok(ChecklistView.From(t))
            : Problems.NotFound();

    public static async Task<Results<Created<ChecklistView>, ValidationProblem, ProblemHttpResult>> AddVersion(string code,
        NewChecklistVersionRequest request, HttpContext http, InspectionsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.IsSatgas())
        {
            return Problems.Forbidden("Only the satgas or an admin publishes checklists.");
        }
        var errors = new FieldErrors();
        var title = errors.Optional(request.Title, "title", 300);
        var add = new List<ChecklistItem>();
        for (var i = 0; i < (request.Add?.Count ?? 0); i++)
        {
            var item = request.Add![i];
            var itemCode = errors.Required(item?.Code, $"add[{i}].code", 100);
            var text = errors.Required(item?.Text, $"add[{i}].text", 500);
            var textEn = errors.Optional(item?.TextEn, $"add[{i}].textEn", 500);
            if (itemCode is not null && !System.Text.RegularExpressions.Regex.IsMatch(itemCode, "^[a-z0-9][a-z0-9-]*$"))
            {
                errors.Add($"add[{i}].code", "must be kebab-case (a-z, 0-9, -)");
            }
            if (itemCode is not null && text is not null)
            {
                add.Add(new ChecklistItem(itemCode, text, textEn));
            }
        }
        if (add.Count == 0 && (request.Remove?.Count ?? 0) == 0)
        {
            errors.Add("add", "add or remove at least one item");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var latest = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Problems.NotFound();
        }
        var next = latest.NextVersion(Guid.CreateVersion7(), title, add, request.Remove ?? [], http.User.Subject(), clock.GetUtcNow());
        db.ChecklistTemplates.Add(next);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/inspections/checklists/{code}/versions/{next.Version}", ChecklistView.From(next));
    }
}
