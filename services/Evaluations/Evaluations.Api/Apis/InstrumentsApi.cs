using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record InstrumentSummary(Guid Id, string Code, int Version, string Name, string Source, int Aspects, int Indicators, DateTimeOffset CreatedAt);

public sealed record InstrumentRequest(string? Code, string? Name, string? Source, List<AspectDefinition>? Aspects, List<CategoryBand>? CategoryBands,
    List<QuestionnaireItem>? Questionnaire);

public static class InstrumentsApi
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admins)
    {
        var r = staff.MapGroup("/instruments").WithTags("Instruments");
        r.MapGet("/", List).WithSummary("Instrument versions (PEKPPP v1 is shipped)");
        r.MapGet("/{code}/versions/{version:int}", Get).WithSummary("One instrument version: aspects, indicators with weights and rubrics, category bands, F03 items");
        admins.MapPost("/instruments", Create).WithTags("Instruments")
            .WithSummary("Add a new version of an instrument (weights must sum to 1); finished evaluations keep theirs");
    }

    private static async Task<IResult> List(EvaluationsDbContext db, CancellationToken ct)
    {
        var all = await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ThenBy(i => i.Version).ToListAsync(ct);
        return TypedResults.Ok(all.Select(i => new InstrumentSummary(i.Id, i.Code, i.Version, i.Name, i.Source, i.Aspects.Count, i.Indicators.Count(), i.CreatedAt)));
    }

    private static async Task<IResult> Get(string code, int version, EvaluationsDbContext db, CancellationToken ct)
    {
        var upper = code.ToUpperInvariant();
        var instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == upper && i.Version == version, ct);
        return instrument is null ? Problems.NotFound($"There is no instrument {code} version {version}.") : TypedResults.Ok(instrument);
    }

    private static async Task<IResult> Create(InstrumentRequest request, EvaluationsDbContext db, CityClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("code", request.Code, 40);
        errors.Required("name", request.Name, 300);
        errors.Optional("source", request.Source, 500);
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
        if (errors.Any)
        {
            return errors.ToProblem();
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
        return TypedResults.Created($"/api/evaluations/instruments/{code}/versions/{instrument.Version}", instrument);
    }
}
