namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// What an operation answers: its result (<see cref="IsCreated"/> when it made something new) or the
/// <see cref="Refusal"/> that stopped it. <c>Apis/</c> turn it into TypedResults (<c>OutcomeResults</c>).
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, bool created, Refusal? refusal) => (Value, IsCreated, Refusal) = (value, created, refusal);

    public T? Value { get; }
    public bool IsCreated { get; }
    public Refusal? Refusal { get; }

    public static Outcome<T> Created(T value) => new(value, true, null);

    public static implicit operator Outcome<T>(T value) => new(value, false, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, false, refusal);
}

/// <summary>Why an operation did not do what was asked: the status and what the problem says (or its field errors).</summary>
public sealed record Refusal(int Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);

    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    public static Refusal Invalid(FieldErrors errors) => new(StatusCodes.Status400BadRequest, null, errors.ToDictionary());

    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, null, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The field errors as a refusal, or null when there are none.</summary>
    public static Refusal? Of(FieldErrors errors) => errors.Any ? Invalid(errors) : null;
}
