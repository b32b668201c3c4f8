using System.ComponentModel.DataAnnotations;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>On-site check-in. <c>visitId</c> is generated on the device (re-sending the same check-in is harmless).</summary>
public sealed record CheckInRequest(Guid? VisitId, Guid? PlanId, Guid? UnitId, DateTimeOffset? DeviceTime, double? Latitude, double? Longitude,
    double? AccuracyMetres);

public sealed record CheckInPart(DateTimeOffset? DeviceTime, double? Latitude, double? Longitude, double? AccuracyMetres);

public sealed record AnswerPart(string? Item, string? Answer, [property: StringLength(2000)] string? Note);

/// <summary>The checklist filled on site: template <c>code</c> (default sidak-pelayanan) and <c>version</c> (default: latest).</summary>
public sealed record ChecklistPart(string? Code, int? Version, List<AnswerPart>? Answers);

/// <summary>One officer of the unit: name or staff number (NIP), position, status.</summary>
public sealed record AttendancePart(Guid? Id, [property: StringLength(200)] string? Name, [property: StringLength(40)] string? StaffNumber, [property: StringLength(200)] string? Position,
    string? Status, [property: StringLength(2000)] string? Note);

public sealed record FindingPart(Guid? Id, string? Severity, [property: Required, StringLength(100)] string? Category, string? ChecklistItem,
    [property: Required, StringLength(4000)] string? Description, Guid? AttendanceId,
    List<Guid>? EvidenceIds, DateTimeOffset? ObservedAt);

/// <summary>
/// A photo or document. Its bytes come either as a multipart file part named by the evidence id, or inline as
/// <c>contentBase64</c>. <c>sha256</c> and <c>sizeBytes</c>, when given, must match the bytes.
/// </summary>
public sealed record EvidencePart(Guid? Id, string? FileName, string? ContentType, string? Sha256, long? SizeBytes, DateTimeOffset? CapturedAt,
    string? ContentBase64);

/// <summary>
/// A whole visit, built on the device (possibly offline) with client-generated ids. Sent as application/json, or
/// as multipart/form-data with this JSON in the field <c>submission</c> and one file part per evidence id.
/// <c>checkIn</c> is required when the visit was not checked in online before.
/// </summary>
public sealed record SubmissionRequest(Guid? UnitId, Guid? PlanId, CheckInPart? CheckIn, ChecklistPart? Checklist, List<AttendancePart>? Attendance,
    List<FindingPart>? Findings, List<EvidencePart>? Evidence, [property: StringLength(4000)] string? Summary);

public sealed record AmendmentRequest(Guid? Id, [property: Required, StringLength(200)] string? Target, [property: Required, StringLength(4000)] string? Correction,
    [property: Required, StringLength(2000)] string? Reason);

/// <summary>Why the satgas lead holds the backdated visit for true (e.g. the team's report, the device's log).</summary>
public sealed record BackdatingConfirmationRequest([property: Required, StringLength(2000)] string? Note);
