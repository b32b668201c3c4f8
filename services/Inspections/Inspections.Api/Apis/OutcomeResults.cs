namespace Tinjau.Inspections.Api.Apis;

/// <summary>An operation's <see cref="Outcome{T}"/> as the TypedResults an endpoint declares.</summary>
public static class OutcomeResults
{
    public static Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult> CreatedOrOk<T>(this Outcome<T> outcome, Func<T, string> location)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);
        }
        return outcome.IsCreated ? TypedResults.Created(location(outcome.Value!), outcome.Value) : TypedResults.Ok(outcome.Value);
    }

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(this Outcome<T> outcome, Func<T, string> location)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);
        }
        return TypedResults.Created(location(outcome.Value!), outcome.Value);
    }

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> OkOrInvalid<T>(this Outcome<T> outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Errors is { } errors ? Problems.Validation(errors.ToDictionary()) : Problem(refusal);
        }
        return TypedResults.Ok(outcome.Value);
    }

    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(outcome.Value);

    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Status switch
    {
        StatusCodes.Status404NotFound => SidakSecrecy.Hidden,
        StatusCodes.Status403Forbidden => Problems.Forbidden(refusal.Detail!),
        StatusCodes.Status409Conflict => Problems.Conflict(refusal.Detail!),
        StatusCodes.Status413PayloadTooLarge => Problems.TooLarge(refusal.Detail!),
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
