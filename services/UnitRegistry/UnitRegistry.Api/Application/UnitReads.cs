using Microsoft.Extensions.Options;

namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>
/// The unit directory's reads: lists, lookups, the hierarchy (<see cref="UnitQueries"/>), locating a point, and the
/// read models the consumers keep. Answers that change only with the units are read through <see cref="UnitCache"/>.
/// </summary>
public sealed class UnitReads(UnitRegistryDbContext db, UnitCache cache, IOptions<LocateOptions> locate)
{
    public async Task<Outcome<UnitPage>> ListAsync(string? type, Guid? parentId, string? q, bool? active, int? page, int? pageSize,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        UnitType parsedType = default;
        if (type is not null && !UnitTypes.TryParse(type, out parsedType))
        {
            errors.Add("type", $"must be one of: {string.Join(", ", UnitTypes.Names)}");
        }
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1)
        {
            errors.Add("page", "must be 1 or more");
        }
        if (size is < 1 or > 500)
        {
            errors.Add("pageSize", "must be between 1 and 500");
        }
        if (q is { Length: > 100 })
        {
            errors.Add("q", "at most 100 characters");
        }
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }

        var key = $"list:{type?.ToLowerInvariant()}:{parentId}:{q?.Trim().ToLowerInvariant()}:{active}:{p}:{size}";
        var result = await cache.GetOrCreateAsync(key, async token =>
        {
            var query = db.Units.AsNoTracking();
            if (type is not null)
            {
                query = query.Where(u => u.Type == parsedType);
            }
            if (parentId is { } pid)
            {
                query = query.Where(u => u.ParentId == pid);
            }
            if (active is { } a)
            {
                query = query.Where(u => u.IsActive == a);
            }
            if (!string.IsNullOrWhiteSpace(q))
            {
                var term = q.Trim();
                var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                query = query.Where(u => EF.Functions.ILike(u.Name, pattern) || u.Code.StartsWith(term));
            }
            var total = await query.CountAsync(token);
            var items = await query.OrderBy(u => u.Code).Skip((p - 1) * size).Take(size).ToListAsync(token);
            return new UnitPage(items.Select(UnitResponse.From).ToArray(), p, size, total);
        }, ct);
        return result!;
    }

    public async Task<Outcome<UnitResponse>> GetAsync(Guid id, CancellationToken ct) =>
        Outcome<UnitResponse>.Found(await cache.GetOrCreateAsync($"unit:{id}", async token =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token) is { } u ? UnitResponse.From(u) : null, ct), Refusal.NoUnit(id));

    public async Task<Outcome<UnitResponse>> GetByCodeAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return Outcome<UnitResponse>.Found(await cache.GetOrCreateAsync($"code:{normalized}", async token =>
                await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == normalized, token) is { } u ? UnitResponse.From(u) : null, ct),
            Refusal.NotFound($"There is no unit with code {code}."));
    }

    public async Task<Outcome<List<UnitResponse>>> ChildrenAsync(Guid id, CancellationToken ct) =>
        await IfUnitExistsAsync($"children:{id}", id, async token =>
            (await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Code).ToListAsync(token)).Select(UnitResponse.From).ToList(), ct);

    public async Task<Outcome<List<UnitResponse>>> AncestorsAsync(Guid id, CancellationToken ct) =>
        await IfUnitExistsAsync($"ancestors:{id}", id, async token =>
            (await db.AncestorUnitsAsync(id, token)).Select(UnitResponse.From).ToList(), ct);

    public async Task<Outcome<List<SubtreeItem>>> SubtreeAsync(Guid id, CancellationToken ct) =>
        Outcome<List<SubtreeItem>>.Found(await cache.GetOrCreateAsync($"subtree:{id}", async token =>
        {
            var rows = await db.SubtreeAsync(id, token);
            if (rows.Count == 0)
            {
                return null;
            }
            var depths = rows.ToDictionary(r => r.Id, r => r.Depth);
            var ids = depths.Keys.ToArray();
            var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(token);
            return units
                .Select(u => new SubtreeItem(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.IsActive, depths[u.Id]))
                .OrderBy(x => x.Depth).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        }, ct), Refusal.NoUnit(id));

    public async Task<Outcome<LocateResponse>> LocateAsync(double? lat, double? lon, CancellationToken ct)
    {
        var errors = new FieldErrors();
        UnitInput.CheckCoordinates(lat, lon, errors, "lat", "lon", "required (decimal degrees, e.g. -6.1826)", "required (decimal degrees, e.g. 106.8412)");
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }

        var candidates = await cache.GetOrCreateAsync("kelurahan-centroids", async token =>
        {
            var list = await db.Units.AsNoTracking()
                .Where(u => u.Type == UnitType.Kelurahan && u.IsActive && u.Latitude != null && u.Longitude != null)
                .ToListAsync(token);
            return list.Select(UnitResponse.From).ToList();
        }, ct) ?? [];

        var max = locate.Value.MaxDistanceKm;
        var point = new GeoPoint(lat!.Value, lon!.Value);
        var found = KelurahanLocator.Nearest(point, candidates,
            c => new GeoPoint(c.Location!.Latitude!.Value, c.Location.Longitude!.Value), c => c.Code, max);
        if (found is not { } f)
        {
            return Refusal.NotFound($"No active kelurahan has its centroid within {max} km of ({lat}, {lon}).");
        }
        return new LocateResponse(f.Candidate, Math.Round(f.DistanceKm, 3), max, UnitsApi.LocateRule);
    }

    public async Task<Outcome<DirectoryEntryResponse>> DirectoryEntryAsync(Guid id, CancellationToken ct) =>
        await db.DirectoryEntries.AsNoTracking().FirstOrDefaultAsync(x => x.UnitId == id, ct) is { } e
            ? DirectoryEntryResponse.From(e)
            : Refusal.NotFound($"Unit {id} has no directory entry (unknown unit, or its UnitRegistered event is not consumed yet).");

    public async Task<Outcome<ComplaintStatsResponse>> ComplaintStatsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Refusal.NoUnit(id);
        }
        var s = await db.ComplaintStats.AsNoTracking().FirstOrDefaultAsync(x => x.UnitId == id, ct) ?? UnitComplaintStats.For(id);
        return ComplaintStatsResponse.From(id, s);
    }

    public async Task<Outcome<List<EvaluationResultResponse>>> EvaluationResultsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Refusal.NoUnit(id);
        }
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.UnitId == id).OrderByDescending(r => r.Period).ToListAsync(ct);
        return results.Select(EvaluationResultResponse.From).ToList();
    }

    /// <summary>A cached read about unit <paramref name="id"/>, or <see cref="Refusal.NoUnit"/> when there is no such unit.</summary>
    private async Task<Outcome<T>> IfUnitExistsAsync<T>(string key, Guid id, Func<CancellationToken, Task<T>> read, CancellationToken ct)
        where T : class =>
        Outcome<T>.Found(await cache.GetOrCreateAsync(key, async token =>
            await db.Units.AnyAsync(u => u.Id == id, token) ? await read(token) : null, ct), Refusal.NoUnit(id));
}
