using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;

namespace Tinjau.Complaints.Api.Apis;

public sealed record AttachmentView(Guid Id, string ContentType, long Size, string Sha256, int Width, int Height, DateTimeOffset AddedAt, string Url);

/// <summary>
/// Photos beside a complaint, stored in <c>complaintsdb</c> (bytea, SHA-256 of the stored bytes) after the content is
/// checked by its magic bytes and cleaned of all metadata (<see cref="PhotoSanitizer"/>). The reporter adds them with
/// the tracking secret (or signed in), staff of the handling unit and complaint admins too. Anyone may fetch the photos
/// of a public complaint (they are its Open311 <c>media_url</c>); those of a rahasia complaint only the reporter and the
/// staff who may read it.
/// </summary>
public static class AttachmentsApi
{
    public const string SecretHeader = "X-Tracking-Secret";

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/api/complaints/track/{trackingNumber}/attachments").WithTags("Attachments").AllowAnonymous();
        track.MapPost("/", AddAsync).DisableAntiforgery()
            .WithSummary("Add a photo (multipart field 'file'; JPEG, PNG or WebP); metadata such as EXIF GPS is removed before storing");
        track.MapGet("/", ListAsync).WithSummary("The photos of a complaint");
        app.MapGet("/api/complaints/attachments/{id:guid}", GetAsync).WithTags("Attachments").AllowAnonymous()
            .WithSummary("A stored photo (served with nosniff and as an attachment-safe inline image)");
        return app;
    }

    public static string UrlOf(Guid id) => $"/api/complaints/attachments/{id}";

    public static async Task<Results<Created<AttachmentView>, ValidationProblem, ProblemHttpResult>> AddAsync(string trackingNumber,
        HttpRequest request, ClaimsPrincipal user, ComplaintsDb db, ComplaintAccess access, IOptions<ComplaintsOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var o = options.Value.Attachments;
        var complaint = await TrackingApi.FindAsync(db, trackingNumber, tracked: false, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        var reporter = ComplaintIntake.SecretMatches(complaint, request.Headers[SecretHeader].FirstOrDefault()) || ComplaintAccess.IsOwner(user, complaint);
        var staff = !reporter && (ComplaintAccess.IsComplaintAdmin(user) || await access.CanActAsUnitAsync(user, complaint, ct));
        if (!reporter && !staff)
        {
            return Problems.Forbidden("Only the reporter (with the tracking secret) or the staff handling the complaint may add photos.");
        }
        if (!request.HasFormContentType)
        {
            return Problems.Validation("file", "Send the photo as multipart/form-data in the field 'file'.");
        }
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            return Problems.Validation("file", "A photo is required in the field 'file'.");
        }
        if (file.Length > o.MaxBytes)
        {
            return Problems.Validation("file", $"The photo is larger than {o.MaxBytes / (1024 * 1024)} MB.");
        }
        var count = await db.Attachments.CountAsync(a => a.ComplaintId == complaint.Id, ct);
        if (count >= o.MaxPerComplaint)
        {
            return Problems.Conflict($"A complaint has at most {o.MaxPerComplaint} photos.");
        }

        byte[] upload;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, ct);
            upload = buffer.ToArray();
        }
        var check = new PhotoSanitizer(o.MaxDimension).Sanitize(upload);
        if (check is PhotoCheck.Rejected rejected)
        {
            return Problems.Validation("file", rejected.Reason);
        }
        var photo = ((PhotoCheck.Accepted)check).Photo;
        var attachment = new ComplaintAttachment
        {
            Id = Guid.CreateVersion7(),
            ComplaintId = complaint.Id,
            ContentType = photo.ContentType,
            Size = photo.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.Content)),
            Width = photo.Width,
            Height = photo.Height,
            AddedBy = reporter ? "pelapor" : "petugas",
            AddedAt = time.GetUtcNow(),
        };
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new ComplaintAttachmentContent { AttachmentId = attachment.Id, Content = photo.Content });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(UrlOf(attachment.Id), View(attachment));
    }

    public static async Task<Results<Ok<List<AttachmentView>>, ProblemHttpResult>> ListAsync(string trackingNumber,
        [FromHeader(Name = SecretHeader)] string? secret, ClaimsPrincipal user, ComplaintsDb db, ComplaintAccess access, CancellationToken ct)
    {
        var complaint = await TrackingApi.FindAsync(db, trackingNumber, tracked: false, ct);
        if (complaint is null)
        {
            return Problems.NotFound($"No complaint with tracking number {trackingNumber}.");
        }
        if (!await MaySeeAsync(complaint, secret, user, access, ct))
        {
            return TypedResults.Ok(new List<AttachmentView>());
        }
        var items = await db.Attachments.AsNoTracking().Where(a => a.ComplaintId == complaint.Id).OrderBy(a => a.AddedAt).ToListAsync(ct);
        return TypedResults.Ok(items.Select(View).ToList());
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(Guid id, HttpContext http,
        [FromHeader(Name = SecretHeader)] string? secret, ComplaintsDb db, ComplaintAccess access, CancellationToken ct)
    {
        var meta = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var complaint = meta is null ? null : await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == meta.ComplaintId, ct);
        if (meta is null || complaint is null || !await MaySeeAsync(complaint, secret, http.User, access, ct))
        {
            return Problems.NotFound($"No photo {id}.");
        }
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == id).Select(c => c.Content).FirstOrDefaultAsync(ct);
        if (bytes is null)
        {
            return Problems.NotFound($"No photo {id}.");
        }
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.ContentDisposition = $"inline; filename=\"{id:N}{Extension(meta.ContentType)}\"";
        headers.CacheControl = complaint.Confidential ? "private, no-store" : "public, max-age=3600";
        headers["X-Content-SHA256"] = meta.Sha256;
        return TypedResults.File(bytes, meta.ContentType);
    }

    private static async Task<bool> MaySeeAsync(Complaint complaint, string? secret, ClaimsPrincipal user, ComplaintAccess access, CancellationToken ct) =>
        !complaint.Confidential || ComplaintIntake.SecretMatches(complaint, secret) || await access.CanReadAsync(user, complaint, ct);

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".jpg",
    };

    private static AttachmentView View(ComplaintAttachment a) =>
        new(a.Id, a.ContentType, a.Size, a.Sha256, a.Width, a.Height, a.AddedAt, UrlOf(a.Id));
}
