using Microsoft.Extensions.Options;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>Computes an evaluation's index from its stored scores and F03 responses.</summary>
public sealed class EvaluationIndex(EvaluationsDbContext db, IOptions<F03Options> f03Options)
{
    public F03Options F03 => f03Options.Value;

    public async Task<Instrument> InstrumentOfAsync(Evaluation evaluation, CancellationToken ct) =>
        await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == evaluation.InstrumentId, ct);

    public async Task<F03Summary> F03SummaryAsync(Guid evaluationId, CancellationToken ct)
    {
        var answers = await db.F03Responses.AsNoTracking().Where(r => r.EvaluationId == evaluationId).Select(r => r.Answers).ToListAsync(ct);
        return IndexCalculator.SummarizeF03(answers);
    }

    public async Task<IndexResult> ComputeAsync(Evaluation evaluation, Instrument instrument, CancellationToken ct) =>
        IndexCalculator.Compute(instrument, evaluation.Scores.ToDictionary(s => s.IndicatorCode, s => s.FinalScore, StringComparer.OrdinalIgnoreCase),
            await F03SummaryAsync(evaluation.Id, ct), F03);
}
