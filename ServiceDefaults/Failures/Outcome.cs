using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau;

/// <summary>
/// What an application operation answers: its result (<see cref="IsCreated"/> when it made something new, otherwise
/// it changed or only read something) or the <see cref="Refusal"/> that stopped it. Endpoints turn it into the
/// TypedResults they declare (<see cref="OutcomeResults"/>).
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, bool created, Refusal? refusal) => (Value, IsCreated, Refusal) = (value, created, refusal);

    public T? Value { get; }
    public bool IsCreated { get; }
    public Refusal? Refusal { get; }

    public static Outcome<T> Created(T value) => new(value, true, null);

    /// <summary>The value, or <paramref name="missing"/> when there is none (a read that found nothing).</summary>
    public static Outcome<T> Found(T? value, Refusal missing) => value is null ? missing : value;

    public static implicit operator Outcome<T>(T value) => new(value, false, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, false, refusal);
}

/// <summary>Why an operation did not do what was asked: the status and what the problem says.</summary>
public sealed record Refusal(int Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Missing; without a detail, the platform's one "nothing here" (also what hides a secret from those who may not know of it).</summary>
    public static Refusal NotFound(string? detail = null) => new(StatusCodes.Status404NotFound, detail);

    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    public static Refusal TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, detail);

    public static Refusal Invalid(FieldErrors errors) => new(StatusCodes.Status400BadRequest, null, errors.ToDictionary());

    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, null, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The field errors as a refusal, or null when there are none.</summary>
    public static Refusal? Of(FieldErrors errors) => errors.Any ? Invalid(errors) : null;
}

/// <summary>An operation's <see cref="Outcome{T}"/> (or <see cref="Refusal"/>) as the TypedResults an endpoint declares.</summary>
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

    /// <summary>201 with <paramref name="location"/> (null: none) for what was made.</summary>
    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(this Outcome<T> outcome, Func<T, string?> location)
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

    /// <summary>For operations that refuse only with field errors.</summary>
    public static Results<Ok<T>, ValidationProblem> OkOrValidation<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { Errors: { } errors } ? Problems.Validation(errors.ToDictionary()) : TypedResults.Ok(outcome.Value);

    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(outcome.Value);

    /// <summary>An operation that answers nothing when it is done (<c>null</c>), or its refusal.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContent(this Refusal? refusal) =>
        refusal is null ? TypedResults.NoContent() : Problem(refusal);

    public static ProblemHttpResult Problem(Refusal refusal) => refusal.Status switch
    {
        StatusCodes.Status404NotFound => refusal.Detail is { } detail ? Problems.NotFound(detail) : Problems.NotFound(),
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

    /// <summary>Declares the problems an endpoint may answer (400 with field errors, and <paramref name="statuses"/>), so OpenAPI lists them.</summary>
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
