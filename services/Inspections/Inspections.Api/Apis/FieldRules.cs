using System.Security.Claims;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>The checks Inspections' endpoints apply to a field, in their wording, on the platform's <see cref="FieldErrors"/>.</summary>
public static class FieldRules
{
    public static string? Required(this FieldErrors errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }

    public static string? Optional(this FieldErrors errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }
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
