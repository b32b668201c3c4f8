namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>
/// What an operation answers: its result (<see cref="IsCreated"/> when it made something new, otherwise it changed or
/// only read something) or the <see cref="Refusal"/> that stopped it. <c>Apis/</c> turn it into TypedResults
/// (<c>OutcomeResults</c>).
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
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);

    /// <summary>The registry's one "there is no such unit".</summary>
    public static Refusal NoUnit(Guid id) => NotFound($"There is no unit {id}.");

    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    public static Refusal Invalid(FieldErrors errors) => new(StatusCodes.Status400BadRequest, null, errors.ToDictionary());

    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, null, new Dictionary<string, string[]> { [field] = [message] });
}
