namespace Tinjau.Complaints.Api.Apis;

public sealed record LocationView(double Latitude, double Longitude);

public sealed record ReporterView(string? Name, string? Email, string? Phone);

public sealed record UnitView(Guid Id, string? Name);

public sealed record DeadlinesView(DateTimeOffset VerificationDueAt, DateTimeOffset? FollowUpDueAt, DateTimeOffset? AutoCloseAt, DateTimeOffset? ReopenUntil);

/// <summary>A complaint as staff see it. <see cref="Reporter"/> is null for anonim complaints, always.</summary>
public sealed record ComplaintView(
    Guid Id,
    string TrackingNumber,
    string Kind,
    string Category,
    string Description,
    LocationView? Location,
    string? Address,
    IReadOnlyList<string> MediaUrls,
    string Channel,
    string? ChannelReference,
    bool Anonymous,
    bool Confidential,
    ReporterView? Reporter,
    string Status,
    UnitView? Unit,
    IReadOnlyList<Guid> CoordinatingUnitIds,
    Guid? EscalatedToUnitId,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    DeadlinesView Deadlines,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    bool? AnsweredWithinSla,
    DateTimeOffset? ResolvedAt,
    int? WorkingDaysToResolve,
    int? Rating,
    string? RatingComment,
    int ReopenCount,
    Guid? ProbableDuplicateOfId,
    Guid? MergedIntoId,
    int MergedCount)
{
    public static ComplaintView From(Complaint c, bool showReporter) => new(
        c.Id, c.TrackingNumber, c.Kind.ToName(), c.Category, c.Description,
        c.Location is { } p ? new LocationView(p.Latitude, p.Longitude) : null, c.Address, c.MediaUrls, c.Channel, c.ChannelReference,
        c.Anonymous, c.Confidential,
        showReporter && !c.Anonymous && !c.Reporter.IsEmpty ? new ReporterView(c.Reporter.Name, c.Reporter.Email, c.Reporter.Phone) : null,
        c.Status.ToString(), c.UnitId is { } u ? new UnitView(u, c.UnitName) : null, c.CoordinatingUnitIds, c.EscalatedToUnitId,
        c.FiledAt, c.UpdatedAt, new DeadlinesView(c.VerificationDueAt, c.FollowUpDueAt, c.AutoCloseAt, c.ReopenUntil),
        c.Answer, c.AnsweredAt, c.AnsweredWithinSla, c.ResolvedAt, c.WorkingDaysToResolve, c.Rating, c.RatingComment, c.ReopenCount,
        c.ProbableDuplicateOfId, c.MergedIntoId, c.MergedCount);
}

/// <summary>A row of a staff list: no description, no reporter.</summary>
public sealed record ComplaintSummary(
    Guid Id,
    string TrackingNumber,
    string Kind,
    string Category,
    string Channel,
    string Status,
    Guid? UnitId,
    string? UnitName,
    bool Anonymous,
    bool Confidential,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CurrentDeadline,
    Guid? ProbableDuplicateOfId);

public sealed record HistoryView(
    DateTimeOffset At,
    string Action,
    string? FromStatus,
    string Status,
    string Actor,
    string? ActorUserId,
    Guid? ActorUnitId,
    Guid? UnitId,
    string? Note,
    bool Public)
{
    public static HistoryView From(ComplaintHistoryEntry h, bool staff) => new(
        h.At, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(),
        h.ActorKind switch { ActorKind.Reporter => "pelapor", ActorKind.System => "sistem", _ => staff ? h.ActorRole : "petugas" },
        staff ? h.ActorUserId : null, staff ? h.ActorUnitId : null, staff ? h.UnitId : null, h.Note, h.IsPublic);
}

public static class StatusLabels
{
    public static string Of(ComplaintStatus s) => s switch
    {
        ComplaintStatus.Menunggu => "Menunggu verifikasi",
        ComplaintStatus.Koordinasi => "Dalam koordinasi",
        ComplaintStatus.Disposisi => "Didisposisikan ke unit",
        ComplaintStatus.Proses => "Sedang diproses",
        ComplaintStatus.Selesai => "Selesai",
        ComplaintStatus.Ditunda => "Ditunda",
        ComplaintStatus.BukanWewenang => "Bukan wewenang Pemerintah Kota",
        ComplaintStatus.Diarsipkan => "Diarsipkan",
        _ => "Ditolak",
    };
}
