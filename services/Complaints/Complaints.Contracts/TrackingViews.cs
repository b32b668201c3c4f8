namespace Tinjau.Complaints.Contracts;

// The public tracking page's HTTP contract (GET /api/complaints/track/{trackingNumber}), shared by the service that
// answers it and the portal that reads it.

public sealed record PublicHistoryView(DateTimeOffset At, string Action, string Status, string Actor, string? Note);

/// <summary>
/// What anyone holding the tracking number sees: never who reported it, never internal notes. For a rahasia complaint
/// the number alone shows the status and dates only (<see cref="ContentWithheld"/>): its content goes to the reporter
/// (tracking secret or account) and to the officers who may handle it.
/// </summary>
public sealed record TrackingView(
    string TrackingNumber,
    string Kind,
    string? Category,
    string? Description,
    string? Address,
    string Status,
    string StatusLabel,
    string? UnitName,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ResolvedAt,
    int? Rating,
    bool CanRate,
    bool CanReopen,
    DateTimeOffset? ReopenUntil,
    string? MergedIntoTrackingNumber,
    int MergedCount,
    IReadOnlyList<PublicHistoryView> History,
    bool ContentWithheld = false);
