namespace Tinjau.Complaints.Contracts;

// Integration events published by Complaints through its outbox. Versioned by adding fields, never by changing
// meaning. They carry NO personal data: no reporter name, contact, account id or free text written by the reporter
// (descriptions can contain names and addresses), only identifiers, codes, units, statuses and times.
// Kind is one of: pengaduan, aspirasi, permintaan-informasi.
// Status is one of: Menunggu, Koordinasi, Disposisi, Proses, Selesai, Ditunda, BukanWewenang, Diarsipkan, Ditolak.
// Deadline (SLA) is one of: verification, follow-up.

/// <summary>
/// A complaint was filed through any channel (anonim/rahasia are flags only, never who filed it). Latitude and
/// longitude are null for a rahasia (confidential) complaint.
/// </summary>
public sealed record ComplaintFiled(
    Guid ComplaintId,
    string TrackingNumber,
    string Kind,
    string Category,
    string Channel,
    Guid? UnitId,
    bool Anonymous,
    bool Confidential,
    double? Latitude,
    double? Longitude,
    DateTimeOffset VerificationDueAt,
    DateTimeOffset OccurredAt);

/// <summary>The responsible unit of a complaint was set or changed (located kelurahan, disposition, coordination, escalation).</summary>
public sealed record ComplaintRouted(
    Guid ComplaintId,
    string TrackingNumber,
    Guid UnitId,
    Guid? PreviousUnitId,
    IReadOnlyList<Guid> CoordinatingUnitIds,
    string Reason,
    DateTimeOffset? FollowUpDueAt,
    DateTimeOffset OccurredAt);

/// <summary>A complaint moved from one status to another (Action: verify, dispose, start, answer, confirm, …).</summary>
public sealed record ComplaintStatusChanged(
    Guid ComplaintId,
    string TrackingNumber,
    Guid? UnitId,
    string FromStatus,
    string ToStatus,
    string Action,
    DateTimeOffset OccurredAt);

/// <summary>A complaint reached Selesai (confirmed by an admin, or closed automatically when the reporter did not reply).</summary>
public sealed record ComplaintResolved(
    Guid ComplaintId,
    string TrackingNumber,
    Guid? UnitId,
    string Category,
    string Channel,
    int WorkingDaysTaken,
    bool AnsweredWithinSla,
    bool ClosedAutomatically,
    DateTimeOffset FiledAt,
    DateTimeOffset OccurredAt);

/// <summary>An SLA deadline passed without the step being done; published once per deadline. EscalatedToUnitId is the parent unit it went to.</summary>
public sealed record ComplaintSlaBreached(
    Guid ComplaintId,
    string TrackingNumber,
    Guid? UnitId,
    string Deadline,
    DateTimeOffset DueAt,
    Guid? EscalatedToUnitId,
    DateTimeOffset OccurredAt);

/// <summary>The reporter rated the answer (1–5).</summary>
public sealed record ComplaintRated(
    Guid ComplaintId,
    string TrackingNumber,
    Guid? UnitId,
    int Rating,
    DateTimeOffset OccurredAt);

/// <summary>
/// The reporter reopened an answered or finished complaint. When it had been resolved (<c>WasResolved</c>) its
/// resolution is withdrawn: read models stop counting it as resolved and drop <c>WithdrawnWithinSla</c> (whether
/// that resolution was within the SLA) and <c>WithdrawnRating</c> (the rating it had, if any) until it is resolved
/// and rated again.
/// </summary>
public sealed record ComplaintReopened(
    Guid ComplaintId,
    string TrackingNumber,
    Guid? UnitId,
    bool WasResolved,
    bool? WithdrawnWithinSla,
    int? WithdrawnRating,
    int ReopenCount,
    DateTimeOffset OccurredAt);
