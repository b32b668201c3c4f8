namespace Tinjau.Evaluations.Api.Application;

/// <summary>Instrument versions as data: PEKPPP v1 is shipped, admins add versions (finished evaluations keep theirs).</summary>
public sealed class InstrumentOperations(EvaluationsDbContext db, CityClock clock)
{
    public async Task<IReadOnlyList<InstrumentSummary>> ListAsync(CancellationToken ct)
    {
        var all = await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ThenBy(i => i.Version).ToListAsync(ct);
        return all.Select(i => new InstrumentSummary(i.Id, i.Code, i.Version, i.Name, i.Source, i.Aspects.Count, i.Indicators.Count(), i.CreatedAt)).ToList();
    }

    public async Task<Outcome<Instrument>> GetAsync(string code, int version, CancellationToken ct)
    {
        var upper = code.ToUpperInvariant();
        var instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == upper && i.Version == version, ct);
        return instrument is null ? Refusal.NotFound($"There is no instrument {code} version {version}.") : instrument;
    }

    public async Task<Outcome<Instrument>> CreateAsync(InstrumentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        var aspects = request.Aspects ?? [];
        var bands = request.CategoryBands ?? PekpppInstrumentV1.DefaultBands();
        var questionnaire = request.Questionnaire ?? [];
        if (aspects.Any(a => a is null || a.Indicators is null || a.Indicators.Any(i => i is null || i.Rubric is null)))
        {
            errors.Add("aspects", "Every aspect needs indicators and every indicator a rubric.");
        }
        else
        {
            foreach (var (field, message) in Instrument.Validate(aspects, bands, questionnaire))
            {
                errors.Add(field, message);
            }
        }
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        var code = request.Code!.Trim().ToUpperInvariant();
        var latest = await db.Instruments.Where(i => i.Code == code).MaxAsync(i => (int?)i.Version, ct) ?? 0;
        var instrument = new Instrument
        {
            Id = Guid.CreateVersion7(clock.Now),
            Code = code,
            Version = latest + 1,
            Name = request.Name!.Trim(),
            Source = request.Source?.Trim() ?? "",
            CreatedAt = clock.Now,
            Aspects = aspects,
            CategoryBands = bands,
            Questionnaire = questionnaire,
        };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return Outcome<Instrument>.Created(instrument);
    }
}
