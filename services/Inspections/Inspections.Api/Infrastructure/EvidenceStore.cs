namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>Where the bytes of evidence files live. Metadata (hash, size, type) is always in <c>evidence</c>.</summary>
public interface IEvidenceStore
{
    /// <summary>Stages the content in the current unit of work of <see cref="InspectionsDb"/> (saved with the visit).</summary>
    void Stage(Guid evidenceId, byte[] content);

    Task<byte[]?> ReadAsync(Guid evidenceId, CancellationToken ct);
}

/// <summary>
/// PostgreSQL <c>bytea</c> in <c>evidence_contents</c>, written in the same transaction as the submission: a visit
/// is never stored without its files, nor files without their visit, and backups cover both. Files are at most
/// <see cref="InspectionsOptions.MaxEvidenceBytes"/> (10 MB), well inside what bytea handles.
/// </summary>
public sealed class PostgresEvidenceStore(InspectionsDb db) : IEvidenceStore
{
    public void Stage(Guid evidenceId, byte[] content) =>
        db.EvidenceContents.Add(new EvidenceContent { EvidenceId = evidenceId, Content = content });

    public async Task<byte[]?> ReadAsync(Guid evidenceId, CancellationToken ct) =>
        await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceId == evidenceId).Select(c => c.Content).FirstOrDefaultAsync(ct);
}
