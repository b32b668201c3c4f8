using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>RFC 9457 problem details used by every endpoint.</summary>
public static class Problems
{
    /// <summary>
    /// The one "not found" answer. It is also what a caller who may not see a thing gets (plans, visits not yet
    /// submitted), so it must never say more than this.
    /// </summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "Nothing was found at this address.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.4");

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content Too Large", detail: detail,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.14");

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects field errors for a 400 validation problem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
    }

    public string? Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return null;
        }
        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }

    public string? Optional(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

public static class CallerExtensions
{
    /// <summary>The caller's user id (token subject).</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirst(TinjauClaims.Subject)?.Value ?? user.Identity?.Name ?? "unknown";

    /// <summary>Satgas, leadership and admins: the only roles that may learn of plans and unsubmitted visits.</summary>
    public static bool SeesPlans(this ClaimsPrincipal user) =>
        user.IsInRole(TinjauRoles.Satgas) || user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.Admin);

    /// <summary>Roles that read submitted visits of every unit.</summary>
    public static bool ReadsAllSubmitted(this ClaimsPrincipal user) => user.SeesPlans() || user.IsInRole(TinjauRoles.Evaluator);

    public static bool IsSatgas(this ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Satgas) || user.IsInRole(TinjauRoles.Admin);
}
