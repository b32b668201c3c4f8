namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>Tuning of the service, bound from configuration section <c>Inspections</c>. Defaults in brackets.</summary>
public sealed class InspectionsOptions
{
    public const string Section = "Inspections";

    /// <summary>A check-in farther than this from the unit's recorded location is flagged [300 m].</summary>
    public double MaxCheckInDistanceMetres { get; set; } = 300;

    /// <summary>A device clock ahead of the server's by more than this is flagged [5 min].</summary>
    public TimeSpan MaxDeviceClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A visit whose device time lies more than this before the server received it is flagged backdated [48 h]; a
    /// sanction resting on it needs a satgas lead's confirmation of the visit.
    /// </summary>
    public TimeSpan MaxBackdating { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Token subjects of the satgas leads who confirm backdated visits [empty: any satgas other than the one who
    /// submitted the visit]; admins always may.
    /// </summary>
    public List<string> SatgasLeads { get; set; } = [];

    /// <summary>Time zone of a unit when the registry cannot be asked [Asia/Jakarta, WIB].</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Largest evidence file [10 MB]; larger files are refused with 413.</summary>
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest submission request, all files included [60 MB].</summary>
    public long MaxSubmissionBytes { get; set; } = 60 * 1024 * 1024;

    /// <summary>Accepted evidence content types.</summary>
    public string[] EvidenceContentTypes { get; set; } =
        ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"];

    /// <summary>Working days (the unit's calendar) the unit has to answer a clarification request before it is overdue [5].</summary>
    public int ClarificationDueDays { get; set; } = 5;

    /// <summary>Working days (the unit's calendar) the direct superior has to record a decision on a sanction recommendation [14].</summary>
    public int SanctionDecisionDueDays { get; set; } = 14;

    /// <summary>How long a unit record stays in the Redis cache [5 min]; changes to the unit invalidate it at once.</summary>
    public TimeSpan UnitRecordCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
