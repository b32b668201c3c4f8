using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>
/// Imports units from CSV text (<see cref="UnitImportApi"/>): every row is validated, rows are numbered by their line in
/// the file (the header is line 1); a parent may be an existing unit or a row of the same text. All rows are imported
/// in one transaction, or none.
/// </summary>
public sealed class UnitImport(UnitRegistryDbContext db, UnitCache cache, TimeProvider clock)
{
    public const int MaxRows = 5000;
    private static readonly string[] Columns = ["code", "name", "type", "parent_code", "address", "latitude", "longitude", "time_zone"];
    private static readonly string[] RequiredColumns = ["code", "name", "type"];

    private sealed record Row(int Line, string Code, string Name, UnitType Type, string? ParentCode, string? Address, GeoPoint? Location, string TimeZoneId);

    public async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(string text, CancellationToken ct)
    {
        var csv = Csv.Parse(text);
        if (csv.Count == 0)
        {
            return Problems.Validation("file", "the file is empty");
        }
        var header = csv[0].Fields.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToArray();
        var headerErrors = new FieldErrors();
        foreach (var required in RequiredColumns.Where(c => !header.Contains(c)))
        {
            headerErrors.Add("header", $"missing column '{required}' (expected {string.Join(",", Columns)})");
        }
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            headerErrors.Add("header", $"unknown column '{unknown}'");
        }
        if (header.Distinct().Count() != header.Length)
        {
            headerErrors.Add("header", "a column appears twice");
        }
        if (headerErrors.Any)
        {
            return headerErrors.ToProblem();
        }
        if (csv.Count == 1)
        {
            return Problems.Validation("file", "the file has a header but no rows");
        }
        if (csv.Count - 1 > MaxRows)
        {
            return Problems.Validation("file", $"at most {MaxRows} rows per import");
        }

        var rowErrors = new List<RowError>();
        var rows = new List<Row>();
        var seenCodes = new Dictionary<string, int>();
        foreach (var line in csv.Skip(1))
        {
            string? Get(string column)
            {
                var i = Array.IndexOf(header, column);
                return i >= 0 && i < line.Fields.Count && line.Fields[i].Length > 0 ? line.Fields[i] : null;
            }
            var errors = new FieldErrors();
            if (line.Fields.Count != header.Length)
            {
                errors.Add("row", $"has {line.Fields.Count} fields, the header has {header.Length}");
            }
            var code = Get("code")?.ToUpperInvariant();
            if (code is null)
            {
                errors.Add("code", "required");
            }
            else if (!UnitCodes.IsWellFormed(code))
            {
                errors.Add("code", "not a unit code (e.g. 31.71.01.1001)");
            }
            else if (seenCodes.TryGetValue(code, out var firstLine))
            {
                errors.Add("code", $"duplicate of the code on row {firstLine}");
            }
            else
            {
                seenCodes[code] = line.Line;
            }
            double? Number(string column)
            {
                if (Get(column) is not { } text)
                {
                    return null;
                }
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }
                errors.Add(column, "not a number (use a dot as decimal separator)");
                return null;
            }
            var (lat, lon) = (Number("latitude"), Number("longitude"));
            var coreErrors = new FieldErrors();
            UnitInput.ValidateCore(Get("name"), Get("type"), Get("address"), lat, lon, false, Get("time_zone"), coreErrors,
                "latitude", "longitude", out var type, out var tz);
            foreach (var (field, messages) in coreErrors.ToDictionary())
            {
                foreach (var m in messages)
                {
                    if (!errors.Has(field))
                    {
                        errors.Add(field == "timeZone" ? "time_zone" : field, m);
                    }
                }
            }
            if (errors.Any)
            {
                rowErrors.AddRange(errors.ToDictionary().SelectMany(kv => kv.Value.Select(m => new RowError(line.Line, kv.Key, m))));
                continue;
            }
            rows.Add(new Row(line.Line, code!, Get("name")!.Trim(), type, Get("parent_code")?.ToUpperInvariant(), Get("address"),
                lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : null, tz));
        }

        // parents: existing units or rows of this file; codes must be new
        var codes = rows.Select(r => r.Code).Concat(rows.Where(r => r.ParentCode is not null).Select(r => r.ParentCode!)).Distinct().ToArray();
        var existing = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code))
            .Select(u => new { u.Id, u.Code, u.Type, u.IsActive }).ToDictionaryAsync(u => u.Code, ct);
        var fileRows = rows.ToDictionary(r => r.Code);
        foreach (var r in rows)
        {
            if (existing.ContainsKey(r.Code))
            {
                rowErrors.Add(new RowError(r.Line, "code", $"a unit with code {r.Code} already exists"));
            }
            UnitHierarchyRules.ParentInfo? parent = null;
            if (r.ParentCode is { } pc)
            {
                if (existing.TryGetValue(pc, out var e))
                {
                    parent = new UnitHierarchyRules.ParentInfo(e.Id, e.Code, e.Type);
                    if (!e.IsActive)
                    {
                        rowErrors.Add(new RowError(r.Line, "parent_code", $"the parent {pc} is inactive"));
                    }
                }
                else if (fileRows.TryGetValue(pc, out var p))
                {
                    parent = new UnitHierarchyRules.ParentInfo(Guid.Empty, p.Code, p.Type);
                }
                else
                {
                    rowErrors.Add(new RowError(r.Line, "parent_code", $"no unit with code {pc} exists or is in the file"));
                    continue;
                }
            }
            foreach (var (field, message) in UnitHierarchyRules.Check(r.Code, r.Type, parent))
            {
                rowErrors.Add(new RowError(r.Line, field == "parentId" ? "parent_code" : field, message));
            }
        }

        // order parents before children; rows left over form a cycle
        var ordered = new List<Row>();
        var placed = new HashSet<string>();
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => r.ParentCode is null || !fileRows.ContainsKey(r.ParentCode) || placed.Contains(r.ParentCode)).ToList();
            if (ready.Count == 0)
            {
                rowErrors.AddRange(pending.Select(r => new RowError(r.Line, "parent_code", "the parent codes of these rows form a cycle")));
                break;
            }
            foreach (var r in ready)
            {
                ordered.Add(r);
                placed.Add(r.Code);
                pending.Remove(r);
            }
        }

        if (rowErrors.Count > 0)
        {
            var sorted = rowErrors.OrderBy(e => e.Row).ThenBy(e => e.Field).ToList();
            var dict = sorted.GroupBy(e => $"rows[{e.Row}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return Problems.Validation(dict, $"{sorted.Select(e => e.Row).Distinct().Count()} of {csv.Count - 1} rows have errors; nothing was imported.",
                new Dictionary<string, object?> { ["rowErrors"] = sorted });
        }

        var now = clock.GetUtcNow();
        var ids = existing.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
        var imported = new List<ImportedUnit>();
        foreach (var r in ordered)
        {
            var unit = Unit.Register(Guid.CreateVersion7(now), r.Code, r.Name, r.Type, r.ParentCode is { } pc ? ids[pc] : null, r.Address,
                r.Location, r.TimeZoneId, [], null, null, now);
            ids[r.Code] = unit.Id;
            db.Units.Add(unit);
            imported.Add(new ImportedUnit(r.Line, unit.Id, unit.Code));
        }
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: all rows and their outbox messages, or nothing
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Validation("file", "a unit with one of these codes was registered meanwhile; nothing was imported");
        }
        await cache.InvalidateAsync();
        return TypedResults.Ok(new ImportResult(imported.Count, imported));
    }
}
