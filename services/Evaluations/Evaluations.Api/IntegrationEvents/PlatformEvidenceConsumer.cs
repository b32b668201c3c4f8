using System.Linq.Expressions;
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
        db.ProcessOnceAsync(context, "evaluations.complaint-sla-breached", ct =>
        {
            var m = context.Message;
            return AddOnceAsync(db.ComplaintSlaBreaches, b => b.ComplaintId == m.ComplaintId && b.Deadline == m.Deadline,
                () => new ComplaintSlaBreach(m.ComplaintId, m.Deadline, m.UnitId, clock.YearOf(m.DueAt), m.DueAt.ToUniversalTime()), ct);
        });

    public Task Consume(ConsumeContext<InspectionCompleted> context) =>
        db.ProcessOnceAsync(context, "evaluations.inspection-completed", ct =>
        {
            var m = context.Message;
            return AddOnceAsync(db.SidakVisits, v => v.VisitId == m.VisitId,
                () => new SidakVisitFact(m.VisitId, m.UnitId, clock.YearOf(m.CheckedInAt), m.CheckedInAt.ToUniversalTime(), m.ComplianceScore,
                    m.FindingsLow, m.FindingsMedium, m.FindingsHigh, m.OfficersRecorded, m.OfficersAbsentWithoutReason), ct);
        });

    public Task Consume(ConsumeContext<ViolationRecorded> context) =>
        db.ProcessOnceAsync(context, "evaluations.violation-recorded", ct =>
        {
            var m = context.Message;
            return AddOnceAsync(db.SidakViolations, v => v.FindingId == m.FindingId,
                () => new SidakViolationFact(m.FindingId, m.VisitId, m.UnitId, clock.YearOf(m.ObservedAt), m.Severity,
                    m.Category.Length > 100 ? m.Category[..100] : m.Category, m.ConcernsOfficer, m.ObservedAt.ToUniversalTime()), ct);
        });

    // A fact keyed by its source's id is added once: a second event about it changes nothing.
    private static async Task AddOnceAsync<T>(DbSet<T> facts, Expression<Func<T, bool>> recorded, Func<T> fact, CancellationToken ct) where T : class
    {
        if (!await facts.AnyAsync(recorded, ct))
        {
            facts.Add(fact());
        }
    }

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
