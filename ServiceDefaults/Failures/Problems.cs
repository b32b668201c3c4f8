using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
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

/// <summary>
/// Field errors collected while checking a request; keys are camelCase JSON paths (<c>weekly[0].closes</c>). The
/// request's shape is declared on its record with data annotations and read by <see cref="Check"/>; the rules that
/// need other fields, configuration or stored data are added by the operation to the same errors, so a caller hears
/// of every mistake in one answer.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>Nested errors stop here: the first hundred fields are enough to mend a request, a hostile one gets no more.</summary>
    private const int MaxFields = 100;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NestedByType = new();

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

    /// <summary>
    /// Checks <paramref name="request"/>'s data annotations (<c>[Required]</c>, <c>[StringLength]</c>, <c>[Range]</c> on
    /// its properties) with the framework's <see cref="Validator"/>, then each item of its lists and each object of the
    /// platform's own request types below it, under <c>name[i]</c> and <c>name.</c> paths.
    /// </summary>
    public FieldErrors Check(object? request, string prefix = "")
    {
        if (request is null || _errors.Count >= MaxFields)
        {
            return this;
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                Add(PathOf(prefix, member), result.ErrorMessage ?? "Invalid.");
            }
        }
        foreach (var property in NestedByType.GetOrAdd(request.GetType(), NestedProperties))
        {
            var path = PathOf(prefix, property.Name);
            switch (property.GetValue(request))
            {
                case IList list:
                    for (var i = 0; i < list.Count && _errors.Count < MaxFields; i++)
                    {
                        Check(list[i], $"{path}[{i}]");
                    }
                    break;
                case { } nested:
                    Check(nested, path);
                    break;
            }
        }
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public ValidationProblem ToProblem() => Problems.Validation(ToDictionary());

    private static string PathOf(string prefix, string member)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(member);
        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }

    /// <summary>Properties holding the platform's own request types, or lists of them: the ones <see cref="Check"/> walks into.</summary>
    private static PropertyInfo[] NestedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && IsOwnRequestType(ItemType(p.PropertyType)))
            .ToArray();

    private static Type ItemType(Type type) =>
        type.IsGenericType && typeof(IList).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : type;

    private static bool IsOwnRequestType(Type type) =>
        type.IsClass && type.Assembly.GetName().Name?.StartsWith("Tinjau.", StringComparison.Ordinal) == true;
}
