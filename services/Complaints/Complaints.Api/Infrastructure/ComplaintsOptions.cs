namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary><c>Complaints</c> in configuration.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    /// <summary>Prefix of tracking numbers (<c>JKT-7K3M-Q9</c>).</summary>
    public string TrackingPrefix { get; set; } = "JKT";

    public CityOptions City { get; set; } = new();

    public DuplicateOptions Duplicates { get; set; } = new();

    public Open311Options Open311 { get; set; } = new();

    public List<Category> Categories { get; set; } = [];

    public AttachmentOptions Attachments { get; set; } = new();

    /// <summary>
    /// The key tracking secrets are derived with, so that a retried submission gets its secret again while the
    /// database keeps only the secret's hash (the AppHost gives one; empty: a new key for each process).
    /// </summary>
    public string TrackingSecretKey { get; set; } = "";

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long statistics stay cached in Redis.</summary>
    public TimeSpan StatisticsCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    public Category? FindCategory(string? code) =>
        code is null ? null : Categories.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed class CityOptions
{
    public string Name { get; set; } = "Kota Administrasi Jakarta Pusat";

    /// <summary>Kemendagri code of the city: the SLA key for complaints that have no unit yet.</summary>
    public string Code { get; set; } = "31.71";

    public string TimeZone { get; set; } = IndonesianTimeZones.Wib;

    public BoundingBox BoundingBox { get; set; } = new()
    {
        MinLatitude = -6.2300,
        MaxLatitude = -6.1300,
        MinLongitude = 106.7800,
        MaxLongitude = 106.8900,
    };
}

/// <summary><c>Complaints:Open311</c>: what the GeoReport v2 discovery document says about this endpoint.</summary>
public sealed class Open311Options
{
    /// <summary>When this endpoint's behaviour last changed (W3C datetime).</summary>
    public string Changeset { get; set; } = "2026-12-01T00:00:00+07:00";

    public string Contact { get; set; } = "Pemerintah Kota Administrasi Jakarta Pusat — pengaduan melalui JAKI, LAPOR! (lapor.go.id) atau SMS 1708";

    public string KeyService { get; set; } = "Tidak memerlukan API key; batas permintaan per alamat berlaku. / No API key needed; per-address rate limits apply.";
}

/// <summary><c>Complaints:Attachments</c>: photos beside a complaint.</summary>
public sealed class AttachmentOptions
{
    public int MaxPerComplaint { get; set; } = 5;

    /// <summary>Largest upload accepted, before cleaning.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longer side of the stored photo, in pixels; larger uploads are shrunk.</summary>
    public int MaxDimension { get; set; } = 2560;
}

/// <summary>A complaint category; also an Open311 service.</summary>
public sealed class Category
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Group { get; set; } = "";
    public List<string> Keywords { get; set; } = [];
}
