namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// A unit's finalised PEKPPP result for one period (IPP 0–5 and its category), as published by the Evaluations
/// service once the berita acara is signed; the registry shows it beside the unit. A later finalisation of the
/// same period (a re-evaluation) replaces it.
/// </summary>
public sealed class UnitEvaluationResult
{
    private UnitEvaluationResult()
    {
    }

    public Guid UnitId { get; private set; }
    public int Period { get; private set; }
    public Guid EvaluationId { get; private set; }
    public bool Mandiri { get; private set; }
    public decimal Ipp { get; private set; }
    public string Category { get; private set; } = "";
    public string CategoryLabel { get; private set; } = "";
    public DateTimeOffset FinalizedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public static UnitEvaluationResult For(Guid unitId, int period) => new() { UnitId = unitId, Period = period };

    /// <summary>Takes a finalisation unless a later one of the same period is already recorded (events can arrive out of order).</summary>
    public bool Record(Guid evaluationId, bool mandiri, decimal ipp, string category, string categoryLabel, DateTimeOffset finalizedAt)
    {
        if (finalizedAt < FinalizedAt)
        {
            return false;
        }
        EvaluationId = evaluationId;
        Mandiri = mandiri;
        Ipp = ipp;
        Category = category;
        CategoryLabel = categoryLabel;
        FinalizedAt = finalizedAt;
        return true;
    }
}
