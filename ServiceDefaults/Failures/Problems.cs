using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau;

/// <summary>
/// The RFC 9457 answers an endpoint returns itself (as <c>TypedResults</c>, so OpenAPI lists them), in one shape for
/// every service; what a thrown <see cref="PlatformException"/> becomes is the same shape.
/// </summary>
public static class Problems
{
    /// <summary>
    /// The one "not found". It is also what a caller who may not see a thing gets (a sidak plan, a rahasia detail),
    /// so by default it says no more than this.
    /// </summary>
    public static ProblemHttpResult NotFound(string detail = "Nothing was found at this address.") =>
        Problem(StatusCodes.Status404NotFound, "Not found", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.4");

    public static ProblemHttpResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Content too large", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.14");

    public static ProblemHttpResult Unprocessable(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.21");

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "One or more validation errors occurred.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1", extensions: extensions);

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Problem(int status, string title, string detail, string type) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);
}

/// <summary>Field errors collected while checking a request; keys are camelCase JSON paths (<c>weekly[0].closes</c>).</summary>
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
