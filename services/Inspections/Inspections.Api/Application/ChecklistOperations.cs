namespace Tinjau.Inspections.Api.Application;

/// <summary>Checklists are versioned: a new version is the latest one's items, minus some, plus others; old versions stay.</summary>
public sealed class ChecklistOperations(InspectionsDb db, InspectionsScope scope, TimeProvider clock)
{
    public async Task<List<ChecklistView>> LatestAsync(CancellationToken ct)
    {
        var all = await db.ChecklistTemplates.AsNoTracking().ToListAsync(ct);
        return all.GroupBy(t => t.Code).Select(g => ChecklistView.From(g.MaxBy(t => t.Version)!)).OrderBy(v => v.Code).ToList();
    }

    public async Task<Outcome<ChecklistView>> VersionAsync(string code, int version, CancellationToken ct) =>
        await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.Version == version, ct) is { } t
            ? ChecklistView.From(t)
            : Refusal.NotFound();

    public async Task<Outcome<ChecklistView>> AddVersionAsync(string code, NewChecklistVersionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var title = request.Title.Trimmed();
        var add = new List<ChecklistItem>();
        for (var i = 0; i < (request.Add?.Count ?? 0); i++)
        {
            var item = request.Add![i];
            if (item is null)
            {
                errors.Add($"add[{i}]", "is required");
                continue;
            }
            var itemCode = item.Code.Trimmed();
            var text = item.Text.Trimmed();
            var textEn = item.TextEn.Trimmed();
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
            return Refusal.Invalid(errors);
        }
        var latest = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Refusal.NotFound();
        }
        var next = latest.NextVersion(Guid.CreateVersion7(), title, add, request.Remove ?? [], scope.Subject, clock.GetUtcNow());
        db.ChecklistTemplates.Add(next);
        await db.SaveChangesAsync(ct);
        return Outcome<ChecklistView>.Created(ChecklistView.From(next));
    }
}
