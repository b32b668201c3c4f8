namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// The berita acara: written from the verified scores (<see cref="BeritaAcaraWriter"/>), signed by the team and the
/// head of unit; the last signature finalizes the evaluation with its IPP (<see cref="IndexCalculator"/>), which raises
/// EvaluationFinalized, and drops the cached rankings of its year.
/// </summary>
public sealed class BeritaAcaraSigning(EvaluationLoader loader, EvaluationsScope scope, EvaluationIndex index, EvaluationsDbContext db,
    Scorecards scorecards, CityClock clock)
{
    private const string NotGenerated = "The berita acara has not been generated yet.";

    public Task<Outcome<BeritaAcaraView>> GenerateAsync(Guid id, CancellationToken ct) =>
        loader.WithAsync<BeritaAcaraView>(id, (s, e) => s.CanScore(e), "generate the berita acara", async e =>
        {
            var instrument = await index.InstrumentOfAsync(e, ct);
            var result = await index.ComputeAsync(e, instrument, ct);
            var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.EvaluationId == id).ToListAsync(ct);
            var document = BeritaAcaraWriter.Build(e, instrument, result, recommendations, clock.Now);
            e.IssueBeritaAcara(document, BeritaAcaraWriter.Sha256(document), clock.Now);
            await db.SaveChangesAsync(ct);
            return BeritaAcaraView.From(e, scope);
        }, ct);

    public Task<Outcome<BeritaAcaraView>> GetAsync(Guid id, CancellationToken ct) =>
        Issued<BeritaAcaraView>(id, e => BeritaAcaraView.From(e, scope), ct);

    /// <summary>The printable HTML of the berita acara with its signatures.</summary>
    public Task<Outcome<string>> PrintAsync(Guid id, CancellationToken ct) =>
        Issued<string>(id, e => BeritaAcaraWriter.Html(e.BeritaAcara!, e.Signatures, e.RequiredSignatures()), ct);

    private Task<Outcome<T>> Issued<T>(Guid id, Func<Evaluation, T> read, CancellationToken ct) =>
        loader.WithAsync<T>(id, e => Task.FromResult<Outcome<T>>(e.BeritaAcara is null ? Refusal.NotFound(NotGenerated) : read(e)), ct);

    public Task<Outcome<BeritaAcaraView>> SignAsync(Guid id, SignRequest request, CancellationToken ct) => loader.WithAsync<BeritaAcaraView>(id, async e =>
    {
        var errors = new FieldErrors().Check(request);
        if (request.As is null || !SignatureRoles.All.Contains(request.As))
        {
            errors.Add("as", $"One of: {string.Join(", ", SignatureRoles.All)}.");
        }
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        if (!scope.MaySign(e, request.As!))
        {
            return Refusal.Forbidden(request.As == SignatureRoles.HeadOfUnit
                ? "Only the head of the evaluated unit signs as head-of-unit."
                : $"Only the team's {request.As} signs as {request.As}.");
        }
        var name = request.Name?.Trim() is { Length: > 0 } n ? n : e.Team.FirstOrDefault(t => t.SubjectId == scope.Subject)?.Name ?? scope.DisplayName;
        var complete = e.Sign(request.As!, scope.Subject, name, request.DocumentSha256!.Trim().ToLowerInvariant(), clock.Now);
        if (complete)
        {
            var instrument = await index.InstrumentOfAsync(e, ct);
            e.Finalize(await index.ComputeAsync(e, instrument, ct), instrument, clock.Now);
        }
        await db.SaveChangesAsync(ct);
        if (complete)
        {
            await scorecards.InvalidateAsync(e.Year);
        }
        return BeritaAcaraView.From(e, scope);
    }, ct);
}
