using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

public sealed record ImportedUnit(int Row, Guid Id, string Code);

public sealed record ImportResult(int Imported, List<ImportedUnit> Units);

public sealed record RowError(int Row, string Field, string Message);

/// <summary>
/// POST /api/units/import: a CSV file (body text/csv, or multipart/form-data with one file) with the header
/// <c>code,name,type,parent_code,address,latitude,longitude,time_zone</c> (code, name, type required; comma or
/// semicolon separated). Every row is validated; rows are numbered by their line in the file (the header is line 1).
/// A parent may be an existing unit or a row of the same file. All rows are imported in one transaction, or none.
/// </summary>
public static class UnitImportApi
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = UnitImport.MaxRows;

    public static void MapUnitImportApi(RouteGroupBuilder writes)
    {
        writes.MapPost("/units/import", Import)
            .WithTags("Units")
            .WithSummary("Import units from CSV, all or nothing")
            .WithDescription("Header: code,name,type,parent_code,address,latitude,longitude,time_zone. Errors come back as a 400 problem with " +
                             "errors keyed rows[<line>].<column> and a rowErrors list; nothing is imported from a file with any error.")
            .Accepts<string>("text/csv", "multipart/form-data")
            .DisableAntiforgery();
    }

    public static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(HttpRequest request, UnitImport import, CancellationToken ct)
    {
        var (text, readError) = await ReadCsvAsync(request, ct);
        if (readError is not null)
        {
            return Problems.Validation("file", readError);
        }
        return await import.ImportAsync(text!, ct);
    }

    private static async Task<(string? Text, string? Error)> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"the file is larger than {MaxBytes / 1024 / 1024} MB");
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return (null, "the multipart form has no file");
            }
            if (file.Length > MaxBytes)
            {
                return (null, $"the file is larger than {MaxBytes / 1024 / 1024} MB");
            }
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return (await reader.ReadToEndAsync(ct), null);
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/csv" or "text/plain" or "application/csv"))
        {
            return (null, "send the CSV as text/csv or as a file in multipart/form-data");
        }
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBytes + 1];
        var read = 0;
        int n;
        while ((n = await body.ReadAsync(buffer.AsMemory(read, buffer.Length - read), ct)) > 0)
        {
            read += n;
            if (read > MaxBytes)
            {
                return (null, $"the file is larger than {MaxBytes / 1024 / 1024} MB");
            }
        }
        return (new string(buffer, 0, read), null);
    }
}
