using MassTransit;
using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.IntegrationEvents;

/// <summary>Keeps each unit's finalised PEKPPP results (<c>unit_evaluation_results</c>), once per message (inbox).</summary>
public sealed class EvaluationResultConsumer(UnitRegistryDbContext db) : IConsumer<EvaluationFinalized>
{
    public const string ConsumerName = "unitregistry.evaluation-results";

    public Task Consume(ConsumeContext<EvaluationFinalized> context) =>
        db.ProcessOnceAsync(context, ConsumerName, async ct =>
        {
            var e = context.Message;
            var result = await db.EvaluationResults.FindAsync([e.UnitId, e.Period], ct);
            if (result is null)
            {
                result = UnitEvaluationResult.For(e.UnitId, e.Period);
                db.EvaluationResults.Add(result);
            }
            result.Record(e.EvaluationId, e.Mandiri, e.Ipp, e.Category, e.CategoryLabel, e.OccurredAt.ToUniversalTime());
        });
}
