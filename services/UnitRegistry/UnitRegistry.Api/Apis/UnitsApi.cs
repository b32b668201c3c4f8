using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.UnitRegistry.Api.Data;
using Tinjau.UnitRegistry.Api.Domain;
using Tinjau.UnitRegistry.Api.Infrastructure;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>Body of POST /api/units and PUT /api/units/{id} (the code cannot be changed by PUT).</summary>
public sealed record UnitRequest(
    string? Code,
    string? Name,
    string? Type,
    Guid? ParentId,
    string? Address,
    LocationDto? Location,
    string? TimeZone,
    List<ContactDto>? Contacts,
    HeadDto? Head);

/// <summary>How a unit is answered (the record is the registry's HTTP contract, in UnitRegistry.Contracts).</summary>
public static class UnitResponses
{
    extension(UnitResponse)
    {
        public static UnitResponse From(Unit u) => new(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.Address,
            u.Location is { } l ? new LocationDto(l.Latitude, l.Longitude) : null, u.TimeZoneId, IndonesianTimeZones.Abbreviation(u.TimeZoneId),
            u.IsActive, u.Contacts.Select(c => new ContactDto(c.Kind, c.Value, c.Label)).ToArray(),
            u.Head is { } h ? new HeadDto(h.Name, h.Title, h.Nip) : null, u.CreatedAt, u.UpdatedAt);
    }
}

public sealed record ComplaintStatsResponse(Guid UnitId, int Received, int HandedOn, int Resolved, int Reopened, int Open, int ResolvedWithinSla,
    double? ShareResolvedWithinSla, int SlaBreaches, int Ratings, double? AverageRating, DateTimeOffset? UpdatedAt);

public sealed record EvaluationResultResponse(int Period, decimal Ipp, string Category, string CategoryLabel, bool Mandiri,
    Guid EvaluationId, DateTimeOffset FinalizedAt);

public sealed record DirectoryEntryResponse(Guid UnitId, string Code, string Name, string Type, string TimeZone, int Depth,
    string CodePath, string NamePath, DateTimeOffset ProjectedAt);

public sealed class LocateOptions
{
    /// <summary>Configuration key <c>UnitRegistry:Locate:MaxDistanceKm</c>.</summary>
    public double MaxDistanceKm { get; set; } = KelurahanLocator.DefaultMaxDistanceKm;
}

public static class UnitsApi
{
    public const string LocateRule =
        "Nearest centroid: among active kelurahan with a centroid, the one whose centroid is nearest to the point " +
        "(great-circle distance) is returned, if that distance is at most MaxDistanceKm (default 3 km); otherwise 404.";

    public static void MapUnitsApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var units = reads.MapGroup("/units").WithTags("Units");
        units.MapGet("/", ListUnits).WithSummary("List units, filtered by type, parent, text (q, on name or code prefix) and active, paged");
        units.MapGet("/{id:guid}", GetUnit).WithSummary("Get a unit");
        units.MapGet("/by-code/{code}", GetByCode).WithSummary("Get a unit by its code (e.g. 31.71.01)");
        units.MapGet("/{id:guid}/children", GetChildren).WithSummary("The direct children of a unit, by code");
        units.MapGet("/{id:guid}/ancestors", GetAncestors).WithSummary("The ancestors of a unit, from the root down to its parent");
        units.MapGet("/{id:guid}/subtree", GetSubtree).WithSummary("A unit and everything below it, with depth (0 = the unit)");
        units.MapGet("/locate", Locate).WithSummary("Which kelurahan contains a point").WithDescription(LocateRule);
        units.MapGet("/{id:guid}/directory-entry", GetDirectoryEntry)
            .WithSummary("The directory read model of a unit, maintained by the UnitRegistered consumer (404 until projected)");

        units.MapGet("/{id:guid}/complaint-stats", GetComplaintStats)
            .WithSummary("The unit's live complaint figures, kept from the Complaints service's events (zeros until one arrives)");

        units.MapGet("/{id:guid}/evaluation-results", GetEvaluationResults)
            .WithSummary("The unit's finalised PEKPPP results per period (IPP and category), newest first, kept from the Evaluations service's events");

        var unitWrites = writes.MapGroup("/units").WithTags("Units");
        unitWrites.MapPost("/", CreateUnit).WithSummary("Register a unit (publishes UnitRegistered)");
        unitWrites.MapPut("/{id:guid}", UpdateUnit).WithSummary("Update a unit's registry data (publishes UnitUpdated)");
        unitWrites.MapPost("/{id:guid}/deactivate", DeactivateUnit).WithSummary("Deactivate a unit without active children (publishes UnitDeactivated)");
        unitWrites.MapPost("/{id:guid}/activate", ActivateUnit).WithSummary("Re-activate a unit (publishes UnitUpdated)");
    }

    public static async Task<Results<Ok<UnitPage>, ValidationProblem>> ListUnits(UnitRegistryDbContext db, UnitCache cache,
        string? type, Guid? parentId, string? q, bool? active, int? page, int? pageSize, CancellationToken ct)
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
            return errors.ToProblem();
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
        return TypedResults.Ok(result!);
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnit(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var unit = await cache.GetOrCreateAsync($"unit:{id}", async token =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, token) is { } u ? UnitResponse.From(u) : null, ct);
        return unit is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(unit);
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetByCode(string code, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var unit = await cache.GetOrCreateAsync($"code:{normalized}", async token =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == normalized, token) is { } u ? UnitResponse.From(u) : null, ct);
        return unit is null ? Problems.NotFound($"There is no unit with code {code}.") : TypedResults.Ok(unit);
    }

    public static async Task<Results<Ok<List<UnitResponse>>, ProblemHttpResult>> GetChildren(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var children = await cache.GetOrCreateAsync($"children:{id}", async token =>
        {
            if (!await db.Units.AnyAsync(u => u.Id == id, token))
            {
                return null;
            }
            var list = await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Code).ToListAsync(token);
            return list.Select(UnitResponse.From).ToList();
        }, ct);
        return children is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(children);
    }

    public static async Task<Results<Ok<List<UnitResponse>>, ProblemHttpResult>> GetAncestors(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var ancestors = await cache.GetOrCreateAsync($"ancestors:{id}", async token =>
        {
            if (!await db.Units.AnyAsync(u => u.Id == id, token))
            {
                return null;
            }
            return (await db.AncestorUnitsAsync(id, token)).Select(UnitResponse.From).ToList();
        }, ct);
        return ancestors is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(ancestors);
    }

    public static async Task<Results<Ok<List<SubtreeItem>>, ProblemHttpResult>> GetSubtree(Guid id, UnitRegistryDbContext db, UnitCache cache, CancellationToken ct)
    {
        var subtree = await cache.GetOrCreateAsync($"subtree:{id}", async token =>
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
        }, ct);
        return subtree is null ? Problems.NotFound($"There is no unit {id}.") : TypedResults.Ok(subtree);
    }

    public static async Task<Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult>> Locate(double? lat, double? lon,
        UnitRegistryDbContext db, UnitCache cache, IOptions<LocateOptions> options, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (lat is null)
        {
            errors.Add("lat", "required (decimal degrees, e.g. -6.1826)");
        }
        else if (lat is < -90 or > 90 || !double.IsFinite(lat.Value))
        {
            errors.Add("lat", "must be between -90 and 90");
        }
        if (lon is null)
        {
            errors.Add("lon", "required (decimal degrees, e.g. 106.8412)");
        }
        else if (lon is < -180 or > 180 || !double.IsFinite(lon.Value))
        {
            errors.Add("lon", "must be between -180 and 180");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var candidates = await cache.GetOrCreateAsync("kelurahan-centroids", async token =>
        {
            var list = await db.Units.AsNoTracking()
                .Where(u => u.Type == UnitType.Kelurahan && u.IsActive && u.Latitude != null && u.Longitude != null)
                .ToListAsync(token);
            return list.Select(UnitResponse.From).ToList();
        }, ct) ?? [];

        var max = options.Value.MaxDistanceKm;
        var point = new GeoPoint(lat!.Value, lon!.Value);
        var found = KelurahanLocator.Nearest(point, candidates,
            c => new GeoPoint(c.Location!.Latitude!.Value, c.Location.Longitude!.Value), c => c.Code, max);
        if (found is not { } f)
        {
            return Problems.NotFound($"No active kelurahan has its centroid within {max} km of ({lat}, {lon}).");
        }
        return TypedResults.Ok(new LocateResponse(f.Candidate, Math.Round(f.DistanceKm, 3), max, LocateRule));
    }

    public static async Task<Results<Ok<DirectoryEntryResponse>, ProblemHttpResult>> GetDirectoryEntry(Guid id, UnitRegistryDbContext db, CancellationToken ct)
    {
        var e = await db.DirectoryEntries.AsNoTracking().FirstOrDefaultAsync(x => x.UnitId == id, ct);
        return e is null
            ? Problems.NotFound($"Unit {id} has no directory entry (unknown unit, or its UnitRegistered event is not consumed yet).")
            : TypedResults.Ok(new DirectoryEntryResponse(e.UnitId, e.Code, e.Name, e.Type, e.TimeZone, e.Depth, e.CodePath, e.NamePath, e.ProjectedAt));
    }

    public static async Task<Results<Ok<ComplaintStatsResponse>, ProblemHttpResult>> GetComplaintStats(Guid id, UnitRegistryDbContext db, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var s = await db.ComplaintStats.AsNoTracking().FirstOrDefaultAsync(x => x.UnitId == id, ct) ?? UnitComplaintStats.For(id);
        return TypedResults.Ok(new ComplaintStatsResponse(id, s.Received, s.HandedOn, s.Resolved, s.Reopened, s.Open, s.ResolvedWithinSla,
            s.ShareResolvedWithinSla, s.SlaBreaches, s.Ratings, s.AverageRating, s.UpdatedAt == default ? null : s.UpdatedAt));
    }

    public static async Task<Results<Ok<List<EvaluationResultResponse>>, ProblemHttpResult>> GetEvaluationResults(Guid id,
        UnitRegistryDbContext db, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.UnitId == id).OrderByDescending(r => r.Period).ToListAsync(ct);
        return TypedResults.Ok(results.Select(r =>
            new EvaluationResultResponse(r.Period, r.Ipp, r.Category, r.CategoryLabel, r.Mandiri, r.EvaluationId, r.FinalizedAt)).ToList());
    }

    public static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateUnit(UnitRequest request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
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
        var parent = await LoadParentAsync(db, request.ParentId, errors, ct);
        if (!errors.Any)
        {
            foreach (var (field, message) in UnitHierarchyRules.Check(code!, input!.Type, parent))
            {
                errors.Add(field, message);
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            return Problems.Conflict($"A unit with code {code} already exists.");
        }

        var now = clock.GetUtcNow();
        var unit = Unit.Register(Guid.CreateVersion7(now), code!, input!.Name, input.Type, parent?.Id, input.Address, input.Location,
            input.TimeZoneId, input.Contacts, input.Head, null, now);
        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict($"A unit with code {code} already exists.");
        }
        await cache.InvalidateAsync();
        return TypedResults.Created($"/api/units/{unit.Id}", UnitResponse.From(unit));
    }

    public static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> UpdateUnit(Guid id, UnitRequest request,
        UnitRegistryDbContext db, UnitCache cache, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var errors = new FieldErrors();
        if (request.Code is { } c && !string.Equals(c.Trim(), unit.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("code", "the code of a unit cannot be changed; leave it out or send the current code");
        }
        var input = UnitInput.Validate(request, errors);
        if (request.ParentId == id)
        {
            return Problems.Conflict("A unit cannot be its own parent.");
        }
        var parent = await LoadParentAsync(db, request.ParentId, errors, ct);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (parent is not null && request.ParentId != unit.ParentId)
        {
            var ancestors = await db.AncestorsAsync(parent.Id, ct);
            if (UnitHierarchyRules.WouldCreateCycle(id, parent.Id, ancestors.Select(a => a.Id)))
            {
                return Problems.Conflict($"Making {parent.Code} the parent of {unit.Code} would create a cycle: {parent.Code} is below {unit.Code}.");
            }
        }
        foreach (var (field, message) in UnitHierarchyRules.Check(unit.Code, input!.Type, parent))
        {
            errors.Add(field, message);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (input.Type != unit.Type)
        {
            var me = new UnitHierarchyRules.ParentInfo(unit.Id, unit.Code, input.Type);
            var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).ToListAsync(ct);
            var broken = children.FirstOrDefault(ch => UnitHierarchyRules.Check(ch.Code, ch.Type, me).ContainsKey("parentId"));
            if (broken is not null)
            {
                return Problems.Conflict($"Unit {unit.Code} cannot become a {input.Type.ToName()}: its child {broken.Code} ({broken.Type.ToName()}) could not stay under it.");
            }
        }

        var now = clock.GetUtcNow();
        unit.Update(input.Name, input.Type, parent?.Id, input.Address, input.Location, input.TimeZoneId, input.Contacts, input.Head, now);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> DeactivateUnit(Guid id, UnitRegistryDbContext db, UnitCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        var activeChild = await db.Units.Where(u => u.ParentId == id && u.IsActive).Select(u => u.Code).FirstOrDefaultAsync(ct);
        if (activeChild is not null)
        {
            return Problems.Conflict($"Unit {unit.Code} still has active children (e.g. {activeChild}); deactivate them first.");
        }
        var now = clock.GetUtcNow();
        try
        {
            unit.Deactivate(now);
        }
        catch (DomainException ex)
        {
            return Problems.Conflict(ex.Message);
        }
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> ActivateUnit(Guid id, UnitRegistryDbContext db, UnitCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Problems.NotFound($"There is no unit {id}.");
        }
        if (unit.ParentId is { } pid && !await db.Units.AnyAsync(u => u.Id == pid && u.IsActive, ct))
        {
            return Problems.Conflict($"The parent of {unit.Code} is inactive; activate it first.");
        }
        var now = clock.GetUtcNow();
        try
        {
            unit.Activate(now);
        }
        catch (DomainException ex)
        {
            return Problems.Conflict(ex.Message);
        }
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync();
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    private static async Task<UnitHierarchyRules.ParentInfo?> LoadParentAsync(UnitRegistryDbContext db, Guid? parentId, FieldErrors errors, CancellationToken ct)
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

/// <summary>The validated fields of a <see cref="UnitRequest"/> (everything except code and parent).</summary>
public sealed record UnitInput(string Name, UnitType Type, string? Address, GeoPoint? Location, string TimeZoneId,
    IReadOnlyList<UnitContact> Contacts, HeadOfUnit? Head)
{
    private static readonly string[] ContactKinds = ["phone", "email", "whatsapp", "website", "social", "other"];

    public static UnitInput? Validate(UnitRequest r, FieldErrors errors)
    {
        ValidateCore(r.Name, r.Type, r.Address, r.Location?.Latitude, r.Location?.Longitude, r.Location is not null, r.TimeZone, errors,
            "location.latitude", "location.longitude", out var type, out var tz);
        var contacts = new List<UnitContact>();
        for (var i = 0; i < (r.Contacts?.Count ?? 0); i++)
        {
            var c = r.Contacts![i];
            if (c is null || string.IsNullOrWhiteSpace(c.Kind) || !ContactKinds.Contains(c.Kind.Trim().ToLowerInvariant()))
            {
                errors.Add($"contacts[{i}].kind", $"must be one of: {string.Join(", ", ContactKinds)}");
            }
            if (c is null || string.IsNullOrWhiteSpace(c.Value) || c.Value.Length > 200)
            {
                errors.Add($"contacts[{i}].value", "required, at most 200 characters");
            }
            if (c is { Kind: not null, Value: not null })
            {
                contacts.Add(new UnitContact(c.Kind.Trim().ToLowerInvariant(), c.Value.Trim(), string.IsNullOrWhiteSpace(c.Label) ? null : c.Label.Trim()));
            }
        }
        HeadOfUnit? head = null;
        if (r.Head is { } h)
        {
            if (string.IsNullOrWhiteSpace(h.Name) || h.Name.Length > 200)
            {
                errors.Add("head.name", "required, at most 200 characters");
            }
            if (string.IsNullOrWhiteSpace(h.Title) || h.Title.Length > 100)
            {
                errors.Add("head.title", "required (e.g. Lurah, Camat), at most 100 characters");
            }
            if (h.Nip is { } nip && !(nip.Length == 18 && nip.All(char.IsAsciiDigit)))
            {
                errors.Add("head.nip", "an NIP has 18 digits");
            }
            head = new HeadOfUnit(h.Name?.Trim() ?? "", h.Title?.Trim() ?? "", h.Nip);
        }
        if (errors.Any)
        {
            return null;
        }
        var location = r.Location is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return new UnitInput(r.Name!.Trim(), type, r.Address, location, tz, contacts, head);
    }

    /// <summary>Shared by the JSON endpoints and the CSV import.</summary>
    public static void ValidateCore(string? name, string? type, string? address, double? lat, double? lon, bool locationGiven,
        string? timeZone, FieldErrors errors, string latField, string lonField, out UnitType parsedType, out string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "required");
        }
        else if (name.Trim().Length > 200)
        {
            errors.Add("name", "at most 200 characters");
        }
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add("type", $"required: one of {string.Join(", ", UnitTypes.Names)}");
            parsedType = default;
        }
        else if (!UnitTypes.TryParse(type, out parsedType))
        {
            errors.Add("type", $"must be one of: {string.Join(", ", UnitTypes.Names)}");
        }
        if (address is { Length: > 500 })
        {
            errors.Add("address", "at most 500 characters");
        }
        if (locationGiven || lat is not null || lon is not null)
        {
            if (lat is null)
            {
                errors.Add(latField, "required when a location is given");
            }
            else if (lat is < -90 or > 90 || !double.IsFinite(lat.Value))
            {
                errors.Add(latField, "must be between -90 and 90");
            }
            if (lon is null)
            {
                errors.Add(lonField, "required when a location is given");
            }
            else if (lon is < -180 or > 180 || !double.IsFinite(lon.Value))
            {
                errors.Add(lonField, "must be between -180 and 180");
            }
        }
        timeZoneId = IndonesianTimeZones.Wib;
        if (!string.IsNullOrWhiteSpace(timeZone) && !IndonesianTimeZones.TryNormalize(timeZone, out timeZoneId))
        {
            errors.Add("timeZone", "must be WIB, WITA or WIT (or Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
        }
    }
}
