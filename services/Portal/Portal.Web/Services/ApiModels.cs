namespace Tinjau.Portal.Web.Services;

// The platform's JSON, as much of it as the portal shows. The services own these shapes (see the README's API tables).

public sealed record Category(string Code, string Name, string Description, string Group);

public sealed record UnitRef(Guid Id, string? Name);

public sealed record FiledComplaint(Guid Id, string TrackingNumber, string? TrackingSecret, string Status, UnitRef? Unit,
    DateTimeOffset FiledAt, DateTimeOffset VerificationDueAt);

public sealed record Unit(Guid Id, string Code, string Name, string Type, string TimeZone, string TimeZoneAbbreviation);

public sealed record Attachment(Guid Id, string ContentType, long Size, string Sha256, int Width, int Height, string Url, DateTimeOffset AddedAt = default);

public sealed record Support(string TrackingNumber, int Supporters, bool AlreadySupported);

public sealed record NearbyComplaint(string TrackingNumber, string Category, string Status, string StatusLabel, DateTimeOffset FiledAt,
    int DistanceMeters, string Excerpt, int Supporters);

public sealed record ComplaintSummary(Guid Id, string TrackingNumber, string Kind, string Category, string Status, string? UnitName,
    bool Anonymous, bool Confidential, DateTimeOffset FiledAt, DateTimeOffset? CurrentDeadline, Guid? UnitId = null, string? Channel = null);

/// <summary>A pair of <c>GET /api/complaints/duplicates</c>: a complaint and the earlier one it probably repeats.</summary>
public sealed record DuplicatePair(ComplaintSummary Complaint, ComplaintSummary ProbableOriginal);

public sealed record StaffLocation(double Latitude, double Longitude);

public sealed record StaffReporter(string? Name, string? Email, string? Phone);

public sealed record StaffDeadlines(DateTimeOffset VerificationDueAt, DateTimeOffset? FollowUpDueAt, DateTimeOffset? AutoCloseAt, DateTimeOffset? ReopenUntil);

/// <summary>A complaint as its officers see it (<c>GET /api/complaints/{id}</c>); the service leaves the reporter out of an anonim one.</summary>
public sealed record StaffComplaint(Guid Id, string TrackingNumber, string Kind, string Category, string Description, string? Address,
    string Channel, bool Anonymous, bool Confidential, StaffReporter? Reporter, string Status, UnitRef? Unit, DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt, StaffDeadlines Deadlines, string? Answer, DateTimeOffset? AnsweredAt, StaffLocation? Location = null,
    Guid? MergedIntoId = null);

/// <summary>One step of <c>GET /api/complaints/{id}/history</c>: with actors and internal notes for the complaint's staff.</summary>
public sealed record StaffHistory(DateTimeOffset At, string Action, string? FromStatus, string Status, string Actor, string? Note, bool Public);

/// <summary>A page of complaints; past 10,000 matches the service stops counting (<see cref="TotalCapped"/>).</summary>
public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, int Total, bool TotalCapped = false)
{
    /// <summary>The count as a reader sees it: "10.000+" once the service stopped counting.</summary>
    public string TotalText => Total.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + (TotalCapped ? "+" : "");
}

public sealed record SkmElement(string Code, string Name);

public sealed record SkmForm(string UnitName, string Period, string? ServiceName, IReadOnlyList<SkmElement> Elements, string Scale);

public sealed record SkmToken(string ResponseToken, DateTimeOffset ExpiresAt);

public sealed record F03Item(string Code, string Text);

public sealed record F03Form(string UnitName, int Year, IReadOnlyList<F03Item> Items, string Scale);

public sealed record ScorecardAspect(string Code, string Name, decimal Weight, decimal Score, decimal? PreviousScore = null, decimal? Change = null);

/// <summary>A finalized (signed) result; <see cref="Change"/> is against the unit's result of the previous year.</summary>
public sealed record Scorecard(Guid UnitId, string UnitCode, string UnitName, int Year, decimal Ipp, string Category, string CategoryLabel,
    IReadOnlyList<ScorecardAspect>? Aspects, DateTimeOffset FinalizedAt, int? Rank, int RankedUnits, bool Mandiri = false,
    decimal? PreviousIpp = null, decimal? Change = null);

public sealed record Ranking(int Year, int Units, IReadOnlyList<Scorecard> Items);

public sealed record SkmResult(Guid UnitId, string UnitName, string Period, string? ServiceName, int Responses, int MinimumSample,
    bool SampleSufficient, decimal? Ikm, string? Category, string? CategoryLabel);

public sealed record SkmResults(int Year, IReadOnlyList<SkmResult> Items);

public sealed record UnitComplaintStats(int Received, int Resolved, int Open, int ResolvedWithinSla, double? ShareResolvedWithinSla, int SlaBreaches,
    double? AverageRating);

public sealed record UnitListItem(Guid Id, string Code, string Name, string Type, Guid? ParentId = null, UnitLocation? Location = null);

public sealed record UnitLocation(double? Latitude, double? Longitude);

public sealed record UnitList(IReadOnlyList<UnitListItem> Items);

public sealed record MapReport(string TrackingNumber, string Status, string ServiceName, double Latitude, double Longitude, DateTimeOffset? Requested,
    string? Agency = null);
