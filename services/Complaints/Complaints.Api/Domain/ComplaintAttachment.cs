namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// A photo beside a complaint. Only the cleaned copy is kept: the upload is decoded and re-encoded before storing,
/// so no EXIF (GPS position, device, time) or other metadata segment survives. <see cref="Sha256"/> is the hash of
/// the stored bytes.
/// </summary>
public sealed class ComplaintAttachment
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary><c>pelapor</c> or <c>petugas</c>: who added it (never who they are).</summary>
    public string AddedBy { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>The bytes of an attachment, in their own table so that listing attachments never loads them.</summary>
public sealed class ComplaintAttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>
/// A citizen who says "this is my problem too" instead of filing a second complaint. Signed-in supporters are counted
/// once per account, anonymous ones once per supporter key the browser keeps (stored only as a hash).
/// </summary>
public sealed class ComplaintSupport
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public string? CitizenSubject { get; set; }
    public string? SupporterKeyHash { get; set; }
    public DateTimeOffset At { get; set; }
}
