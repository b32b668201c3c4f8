using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>An operation's <see cref="Outcome{T}"/> (or <see cref="Refusal"/>) as the TypedResults an endpoint declares.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(outcome.Value);

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> OkOrInvalid<T>(this Outcome<T> outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);
        }
        return TypedResults.Ok(outcome.Value);
    }

    /// <summary>For operations that refuse only with field errors.</summary>
    public static Results<Ok<T>, ValidationProblem> OkOrValidation<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { Errors: { } errors } ? Problems.Validation(errors.ToDictionary()) : TypedResults.Ok(outcome.Value);

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(this Outcome<T> outcome, Func<T, string> location)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);
        }
        return TypedResults.Created(location(outcome.Value!), outcome.Value);
    }

    /// <summary>An operation that answers nothing when it is done (<c>null</c>), or its refusal.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContent(this Refusal? refusal) =>
        refusal is null ? TypedResults.NoContent() : Problem(refusal);

    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(refusal.Detail!),
        StatusCodes.Status409Conflict => Problems.Conflict(refusal.Detail!),
        // Field errors where the endpoint declares none: the same problem a ValidationProblem writes.
        _ => TypedResults.Problem(new HttpValidationProblemDetails(refusal.Errors!.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        }),
    };

    /// <summary>Declares the problems (besides 400) an endpoint may answer, so OpenAPI lists them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }
}
