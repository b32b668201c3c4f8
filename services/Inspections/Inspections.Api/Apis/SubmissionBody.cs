using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>
/// The body of <c>PUT /visits/{id}/submission</c>: application/json, or multipart/form-data with the JSON in the field
/// <c>submission</c> and one file part per evidence id, within <c>Inspections:MaxSubmissionBytes</c> and
/// <c>MaxEvidenceBytes</c>. <see cref="Refusal"/> when it cannot be read.
/// </summary>
public sealed record SubmissionBody(string? Json, IReadOnlyDictionary<Guid, SubmissionFile> Files, Refusal? Refusal)
{
    public static async Task<SubmissionBody> ReadAsync(HttpContext http, InspectionsOptions opts, CancellationToken ct)
    {
        var files = new Dictionary<Guid, SubmissionFile>();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = opts.MaxSubmissionBytes;
        }
        var tooLarge = Refusal.TooLarge($"A submission may be at most {opts.MaxSubmissionBytes / (1024 * 1024)} MB and each file at most {opts.MaxEvidenceBytes / (1024 * 1024)} MB.");
        try
        {
            if (http.Request.HasFormContentType)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = opts.MaxSubmissionBytes,
                    ValueLengthLimit = 4 * 1024 * 1024,
                }));
                var form = await http.Request.ReadFormAsync(ct);
                string? json = form["submission"];
                foreach (var file in form.Files)
                {
                    if (file.Name == "submission")
                    {
                        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                        json = await reader.ReadToEndAsync(ct);
                        continue;
                    }
                    if (!Guid.TryParse(file.Name, out var evidenceId))
                    {
                        return new SubmissionBody(null, files, Refusal.Invalid(file.Name, "file parts must be named by their evidence id"));
                    }
                    if (file.Length > opts.MaxEvidenceBytes)
                    {
                        return new SubmissionBody(null, files, tooLarge);
                    }
                    using var buffer = new MemoryStream((int)file.Length);
                    await file.CopyToAsync(buffer, ct);
                    files[evidenceId] = new SubmissionFile(buffer.ToArray(), file.ContentType, file.FileName);
                }
                return string.IsNullOrWhiteSpace(json)
                    ? new SubmissionBody(null, files, Refusal.Invalid("submission", "the form field 'submission' with the visit as JSON is required"))
                    : new SubmissionBody(json, files, null);
            }
            if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var json = await reader.ReadToEndAsync(ct);
                return new SubmissionBody(json, files, null);
            }
            return new SubmissionBody(null, files, Refusal.Invalid("contentType", "must be application/json or multipart/form-data"));
        }
        catch (InvalidDataException)
        {
            return new SubmissionBody(null, files, tooLarge);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new SubmissionBody(null, files, tooLarge);
        }
        catch (BadHttpRequestException ex)
        {
            return new SubmissionBody(null, files, Refusal.Invalid("body", ex.Message));
        }
    }
}
