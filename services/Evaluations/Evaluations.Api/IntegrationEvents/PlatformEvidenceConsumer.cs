using MassTransit;
using Tinjau.Complaints.Contracts;
using Tinjau.Inspections.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.IntegrationEvents;

/// <summary>
/// Keeps the per-unit evidence read models from Complaints and Inspections events: one row per complaint (resolution,
/// rating), per SLA breach, per sidak visit and per violation, bucketed by the year of the event in the city's time zone.
/// Times are stored in UTC (producers may send any offset). Idempotent twice over: the inbox drops redelivered messages, and rows are keyed by the source's ids.
/// </summary>
public sealed class PlatformEvidenceConsumer(EvaluationsDbContext db, CityClock clock) :
    IConsumer<ComplaintResolved>, IConsumer<ComplaintRated>, IConsumer<ComplaintReopened>, IConsumer<ComplaintSlaBreached>, IConsumer<InspectionCompleted>,
    IConsumer<ViolationRecorded>
{
    public Task Consume(ConsumeContext<ComplaintResolved> context) =>
        db.ProcessOnceAsync(context, "evaluations.complaint-resolved", async ct =>
        {
            var m = context.Message;
            var fact = await ComplaintAsync(m.ComplaintId, ct);
            fact.UnitId = m.UnitId ?? fact.UnitId;
            fact.ResolvedAt = m.OccurredAt.ToUniversalTime();
            fact.ResolvedYear = clock.YearOf(m.OccurredAt);
            fact.WorkingDaysTaken = m.WorkingDaysTaken;
            fact.AnsweredWithinSla = m.AnsweredWithinSla;
            fact.UpdatedAt = clock.Now;
        });

    public Task Consume(ConsumeContext<ComplaintRated> context) =>
        db.ProcessOnceAsync(context, "evaluations.complaint-rated", async ct =>
        {
            var m = context.Message;
            var fact = await ComplaintAsync(m.ComplaintId, ct);
            fact.UnitId ??= m.UnitId;
            fact.Rating = m.Rating;
            fact.RatedYear = clock.YearOf(m.OccurredAt);
            fact.UpdatedAt = clock.Now;
        });

    /// <summary>
    /// The reporter reopened the complaint: its resolution (and whether it was within the SLA) and its rating are
    /// withdrawn until it is resolved and rated again. A resolution newer than the reopening (redelivered late) stays.
    /// </summary>
    public Task Consume(ConsumeContext<ComplaintReopened> context) =>
        db.ProcessOnceAsync(context, "evaluations.complaint-reopened", async ct =>
        {
            var m = context.Message;
            var fact = await ComplaintAsync(m.ComplaintId, ct);
            fact.UnitId ??= m.UnitId;
            if (fact.ResolvedAt is { } resolved && resolved > m.OccurredAt.ToUniversalTime())
            {
                return;
            }
            fact.ResolvedAt = null;
            fact.ResolvedYear = null;
            fact.WorkingDaysTaken = null;
            fact.AnsweredWithinSla = null;
            fact.Rating = null;
            fact.RatedYear = null;
            fact.UpdatedAt = clock.Now;
        });

    public Task Consume(ConsumeContext<ComplaintSlaBreached> context) =>
        db.ProcessOnceAsync(context, "evaluations.complaint-sla-breached", async ct =>
        {
            var m = context.Message;
            if (!await db.ComplaintSlaBreaches.AnyAsync(b => b.ComplaintId == m.ComplaintId && b.Deadline == m.Deadline, ct))
            {
                db.ComplaintSlaBreaches.Add(new ComplaintSlaBreach
                {
                    ComplaintId = m.ComplaintId,
                    Deadline = m.Deadline,
                    UnitId = m.UnitId,
                    Year = clock.YearOf(m.DueAt),
                    DueAt = m.DueAt.ToUniversalTime(),
                });
            }
        });

    public Task Consume(ConsumeContext<InspectionCompleted> context) =>
        db.ProcessOnceAsync(context, "evaluations.inspection-completed", async ct =>
        {
            var m = context.Message;
            if (!await db.SidakVisits.AnyAsync(v => v.VisitId == m.VisitId, ct))
            {
                db.SidakVisits.Add(new SidakVisitFact
                {
                    VisitId = m.VisitId,
                    UnitId = m.UnitId,
                    Year = clock.YearOf(m.CheckedInAt),
                    CheckedInAt = m.CheckedInAt.ToUniversalTime(),
                    ComplianceScore = m.ComplianceScore,
                    FindingsLow = m.FindingsLow,
                    FindingsMedium = m.FindingsMedium,
                    FindingsHigh = m.FindingsHigh,
                    OfficersRecorded = m.OfficersRecorded,
                    OfficersAbsentWithoutReason = m.OfficersAbsentWithoutReason,
                });
            }
        });

    public Task Consume(ConsumeContext<ViolationRecorded> context) =>
        db.ProcessOnceAsync(context, "evaluations.violation-recorded", async ct =>
        {
            var m = context.Message;
            if (!await db.SidakViolations.AnyAsync(v => v.FindingId == m.FindingId, ct))
            {
                db.SidakViolations.Add(new SidakViolationFact
                {
                    FindingId = m.FindingId,
                    VisitId = m.VisitId,
                    UnitId = m.UnitId,
                    Year = clock.YearOf(m.ObservedAt),
                    Severity = m.Severity,
                    Category = m.Category.Length > 100 ? m.Category[..100] : m.Category,
                    ConcernsOfficer = m.ConcernsOfficer,
                    ObservedAt = m.ObservedAt.ToUniversalTime(),
                });
            }
        });

    private async Task<ComplaintFact> ComplaintAsync(Guid complaintId, CancellationToken ct)
    {
        var fact = await db.ComplaintFacts.FirstOrDefaultAsync(f => f.ComplaintId == complaintId, ct);
        if (fact is null)
        {
            fact = new ComplaintFact { ComplaintId = complaintId };
            db.ComplaintFacts.Add(fact);
        }
        return fact;
    }
}
