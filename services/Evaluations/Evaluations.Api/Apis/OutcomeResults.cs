using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

/// <summary>An operation's <see cref="Outcome{T}"/> as the TypedResults an endpoint declares.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Ok<T>(this Outcome<T> outcome) =>
        outcome.Refusal is not { } refusal ? TypedResults.Ok(outcome.Value)
        : refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);

    /// <summary>201 with <paramref name="location"/> (null: none) for what was made.</summary>
    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(this Outcome<T> outcome, Func<T, string?> location) =>
        outcome.Refusal is not { } refusal ? TypedResults.Created(location(outcome.Value!), outcome.Value)
        : refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);

    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(refusal.Detail!),
        StatusCodes.Status403Forbidden => Problems.Forbidden(refusal.Detail!),
        _ => Problems.Conflict(refusal.Detail!),
    };

    /// <summary>Declares the problems (besides 400) an endpoint may answer, so OpenAPI lists them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem();
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }
}
