namespace Tinjau.Inspections.Api.Application;

/// <summary>An evidence file to download, with its SHA-256.</summary>
public sealed record EvidenceDownload(byte[] Bytes, string ContentType, string FileName, string Sha256);

/// <summary>
/// Reading visits: lists, one visit, its evidence, the verification of its record. What a caller finds is what
/// <see cref="SidakSecrecy"/> lets them see, within the units <see cref="InspectionsScope"/> gives them; what they
/// may not see is <see cref="Refusal.NotFound()"/>, like what does not exist.
/// </summary>
public sealed class VisitReads(InspectionsDb db, InspectionsScope scope, IEvidenceStore store)
{
    public async Task<VisitPage> ListAsync(Guid? unitId, DateOnly? from, DateOnly? to, string? status, CancellationToken ct)
    {
        var (any, unit) = await scope.ListedUnitAsync(unitId, ct);
        if (!any)
        {
            return new VisitPage([], 0);
        }
        var parsed = Kebab.TryParse<VisitStatus>(status, out var st);
        var query = db.Visits.VisibleTo(scope).AsNoTracking()
            .When(unit is not null, v => v.UnitId == unit)
            .When(from is not null, v => v.LocalDate >= from)
            .When(to is not null, v => v.LocalDate <= to)
            .When(parsed, v => v.Status == st);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(v => v.CheckIn.DeviceTime).Take(500).ToListAsync(ct);
        return new VisitPage(items.Select(v => new VisitSummaryView(v.Id, scope.PlanIdFor(v), v.UnitId, v.LocalDate,
            Kebab.Of(v.Status), v.CheckIn.DeviceTime, v.CheckIn.Flags != CheckInFlags.None, v.SubmittedAt, v.ComplianceScore,
            v.CheckIn.Flags.HasFlag(CheckInFlags.Backdated))).ToList(), total);
    }

    public async Task<Outcome<VisitView>> GetAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.Visits.VisibleTo(scope).AsNoTracking().LoadAsync(id, ct);
        if (visit is null || !await scope.ReadsUnitAsync(visit.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        return scope.ViewFor(visit, await scope.SeesOfficersAsync(visit.UnitId, ct));
    }

    public async Task<Outcome<EvidenceDownload>> EvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct)
    {
        var visit = await db.Visits.VisibleTo(scope).AsNoTracking().Where(v => v.Id == id).Select(v => new { v.UnitId }).FirstOrDefaultAsync(ct);
        if (visit is null || !await scope.ReadsUnitAsync(visit.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        // Evidence of a finding that names an officer is for those who may see per-officer findings.
        if (!await scope.SeesOfficersAsync(visit.UnitId, ct)
            && !VisitView.From((await db.Visits.VisibleTo(scope).AsNoTracking().LoadAsync(id, ct))!, false, false).Evidence.Any(e => e.Id == evidenceId))
        {
            return Refusal.NotFound();
        }
        var meta = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.VisitId == id, ct);
        var bytes = meta is null ? null : await store.ReadAsync(evidenceId, ct);
        if (meta is null || bytes is null)
        {
            return Refusal.NotFound();
        }
        return new EvidenceDownload(bytes, meta.ContentType, Uploads.SafeFileName(meta.FileName, $"{evidenceId}"), meta.Sha256);
    }

    public async Task<Outcome<ChainVerificationView>> VerifyChainAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.Visits.VisibleTo(scope).AsNoTracking().LoadAsync(id, ct);
        if (visit is null || !await scope.ReadsUnitAsync(visit.UnitId, ct))
        {
            return Refusal.NotFound();
        }
        var problems = visit.VerifyRecord();
        return new ChainVerificationView(id, problems.Count == 0, visit.RecordEntries.Count,
            visit.RecordEntries.OrderBy(e => e.Sequence).LastOrDefault()?.Hash, problems);
    }
}
