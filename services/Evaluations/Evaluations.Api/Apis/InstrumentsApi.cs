using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record InstrumentSummary(Guid Id, string Code, int Version, string Name, string Source, int Aspects, int Indicators, DateTimeOffset CreatedAt);

public sealed record InstrumentRequest([property: Required, StringLength(40)] string? Code, [property: Required, StringLength(300)] string? Name, [property: StringLength(500)] string? Source, List<AspectDefinition>? Aspects, List<CategoryBand>? CategoryBands,
    List<QuestionnaireItem>? Questionnaire);

/// <summary>Instrument versions as data; what each does is in <see cref="InstrumentOperations"/>.</summary>
public static class InstrumentsApi
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admins)
    {
        var r = staff.MapGroup("/instruments").WithTags("Instruments");
        r.MapGet("/", List).WithSummary("Instrument versions (PEKPPP v1 is shipped)");
        r.MapGet("/{code}/versions/{version:int}", Get).WithSummary("One instrument version: aspects, indicators with weights and rubrics, category bands, F03 items")
            .ProducesProblems(StatusCodes.Status404NotFound);
        admins.MapPost("/instruments", Create).WithTags("Instruments")
            .WithSummary("Add a new version of an instrument (weights must sum to 1); finished evaluations keep theirs").ProducesProblems();
    }

    private static async Task<Ok<IReadOnlyList<InstrumentSummary>>> List(InstrumentOperations instruments, CancellationToken ct) =>
        TypedResults.Ok(await instruments.ListAsync(ct));

    private static async Task<Results<Ok<Instrument>, ValidationProblem, ProblemHttpResult>> Get(string code, int version,
        InstrumentOperations instruments, CancellationToken ct) =>
        (await instruments.GetAsync(code, version, ct)).OkOrInvalid();

    private static async Task<Results<Created<Instrument>, ValidationProblem, ProblemHttpResult>> Create(InstrumentRequest request,
        InstrumentOperations instruments, CancellationToken ct) =>
        (await instruments.CreateAsync(request, ct)).Created(i => $"/api/evaluations/instruments/{i.Code}/versions/{i.Version}");
}
