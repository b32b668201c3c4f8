using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>RFC 9457 problem details used by the endpoints.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "One or more validation errors occurred.", extensions: extensions);

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects field errors; keys are camelCase JSON paths (e.g. <c>weekly[0].ranges[1].closes</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public ValidationProblem ToProblem() => Problems.Validation(ToDictionary());
}
